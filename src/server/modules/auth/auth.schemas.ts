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
  roles: Type.Array(Type.Object({ role: Type.String(), agencyCode: Type.Union([Type.String(), Type.Null()]) })),
});

export const SessionResponse = Type.Object({ user: SessionUser, csrfToken: Type.Union([Type.String(), Type.Null()]) });
