import { Type } from 'typebox';

export const LoginBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const SessionUser = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(
    Type.Object({
      role: Type.String(),
      agencyCode: Type.Union([Type.String(), Type.Null()]),
      /** The grant's province, or `VN` for a national agency (null for a citizen's implicit role). */
      provinceCode: Type.Optional(Type.Union([Type.String(), Type.Null()])),
      /** What the grant reaches beyond its agency subtree: its whole province, the nation, or nothing more. */
      scope: Type.Optional(Type.Union([Type.Literal('agency'), Type.Literal('province'), Type.Literal('national')])),
    }),
  ),
});

export const SessionResponse = Type.Object({ user: SessionUser, csrfToken: Type.Union([Type.String(), Type.Null()]) });

/** What the account holds about its signed-in owner, to pre-fill forms (an empty field: the account does not hold it). */
export const MyProfile = Type.Object({
  fullName: Type.String(),
  idNumber: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
});

/** The token of a one-time password-reset link (base64url, as `randomToken` makes it). */
const ResetToken = Type.String({ pattern: '^[A-Za-z0-9_-]{20,100}$' });
export const PasswordResetParams = Type.Object({ token: ResetToken });
export const PasswordResetInfo = Type.Object({ username: Type.String(), displayName: Type.String(), expiresAt: Type.String() });
export const PasswordResetBody = Type.Object(
  {
    token: ResetToken,
    password: Type.String({ minLength: 10, maxLength: 200, description: 'mật khẩu mới, ít nhất 10 ký tự / new password, 10 characters or more' }),
  },
  { additionalProperties: false },
);
