import { Type } from 'typebox';
import { pageOf, PageQuery } from '../../platform/pagination.js';
import { ROLES, type Role } from '../../platform/principal.js';

export const AGENCY_CODE_PATTERN = '^[0-9A-Z.]{1,35}$';
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Text = (max = 300) => Type.String({ minLength: 1, maxLength: max });
const UNIT_TYPES = ['tinh', 'thanh_pho_tw', 'huyen', 'quan', 'thi_xa', 'thanh_pho', 'xa', 'phuong', 'dac_khu', 'thi_tran'] as const;

export const AdminUnit = Type.Object({
  code: Type.String(),
  level: Type.String(),
  type: Type.String(),
  name: Type.String(),
  parentCode: Nullable(Type.String()),
  provinceCode: Type.String(),
  validFrom: Type.String(),
  validTo: Nullable(Type.String()),
  predecessorCodes: Type.Array(Type.String()),
});
export const AdminUnitPage = pageOf(AdminUnit);
export const AdminUnitQuery = Type.Object({
  ...PageQuery,
  level: Type.Optional(Type.Union([Type.Literal('province'), Type.Literal('district'), Type.Literal('commune')])),
  parentCode: Type.Optional(Type.String({ maxLength: 10 })),
});
export const CreateAdminUnit = Type.Object(
  {
    code: Type.String({ pattern: '^[0-9]{2,5}$' }),
    level: Type.Union([Type.Literal('province'), Type.Literal('district'), Type.Literal('commune')]),
    // `Unsafe` gives the union its static type (a union over a mapped array would be `never`)
    type: Type.Unsafe<(typeof UNIT_TYPES)[number]>(Type.Union(UNIT_TYPES.map((t) => Type.Literal(t)))),
    name: Text(200),
    parentCode: Type.Optional(Type.String({ pattern: '^[0-9]{2,5}$' })),
    validFrom: Type.Optional(Type.String({ format: 'date' })),
    validTo: Type.Optional(Type.String({ format: 'date' })),
    predecessorCodes: Type.Optional(Type.Array(Type.String({ pattern: '^[0-9]{2,5}$' }), { maxItems: 50 })),
  },
  { additionalProperties: false },
);

export const Agency = Type.Object({
  code: Type.String(),
  name: Type.String(),
  parentCode: Nullable(Type.String()),
  adminUnitCode: Type.String(),
  provinceCode: Type.String(),
});
export const AgencyPage = pageOf(Agency);
export const CreateAgency = Type.Object(
  {
    code: Type.String({ pattern: AGENCY_CODE_PATTERN }),
    name: Text(300),
    parentCode: Type.Optional(Type.String({ pattern: AGENCY_CODE_PATTERN })),
    adminUnitCode: Type.String({ pattern: '^[0-9]{2,5}$' }),
  },
  { additionalProperties: false },
);
export const AgencyParams = Type.Object({ code: Type.String({ pattern: AGENCY_CODE_PATTERN }) });

export const OrgUnit = Type.Object({ id: Type.String(), name: Type.String(), kind: Type.String(), parentId: Nullable(Type.String()) });
export const CreateOrgUnit = Type.Object(
  {
    name: Text(200),
    kind: Type.Union([Type.Literal('phong'), Type.Literal('bo_phan'), Type.Literal('to')]),
    parentId: Type.Optional(Type.String({ format: 'uuid' })),
  },
  { additionalProperties: false },
);

export const RoleName = Type.Unsafe<Role>(Type.Union(ROLES.map((r) => Type.Literal(r))));
export const UserRole = Type.Object({
  id: Type.String(),
  role: Type.String(),
  agencyCode: Type.String(),
  /** The agency's name, for a chip such as "Lãnh đạo · Sở Tư pháp". */
  agencyName: Type.String(),
  unitId: Nullable(Type.String()),
});
export const User = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  kind: Type.String(),
  /** false: locked by an administrator (cannot sign in). */
  isActive: Type.Boolean(),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  roles: Type.Array(UserRole),
});
export const UserPage = pageOf(User);
export const CreateUser = Type.Object(
  {
    username: Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{2,49}$' }),
    displayName: Text(120),
    password: Type.String({ minLength: 10, maxLength: 200 }),
    kind: Type.Union([Type.Literal('official'), Type.Literal('citizen')]),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
    phone: Type.Optional(Type.String({ pattern: '^\\+?[0-9]{9,15}$' })),
  },
  { additionalProperties: false },
);
export const AssignRole = Type.Object(
  { role: RoleName, agencyCode: Type.String({ pattern: AGENCY_CODE_PATTERN }), unitId: Type.Optional(Type.String({ format: 'uuid' })) },
  { additionalProperties: false },
);
export const UserParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const EMAIL = Type.String({ format: 'email', maxLength: 200 });
const PHONE = Type.String({ pattern: '^\\+?[0-9]{9,15}$' });
/** `q` finds an account by username, name or e-mail (accent-insensitive); citizens too. */
export const UserQuery = Type.Object({ ...PageQuery, kind: Type.Optional(Type.Union([Type.Literal('official'), Type.Literal('citizen')])) });
/** Only what is sent changes; null clears the e-mail or the phone. */
export const UpdateUser = Type.Object(
  { displayName: Type.Optional(Text(120)), email: Type.Optional(Type.Union([EMAIL, Type.Null()])), phone: Type.Optional(Type.Union([PHONE, Type.Null()])) },
  { additionalProperties: false, minProperties: 1 },
);
export const LockUser = Type.Object({ reason: Type.Optional(Type.String({ maxLength: 300 })) }, { additionalProperties: false });
export const PasswordResetIssued = Type.Object({
  /** `email`: the link went to the account's address through the outbox; `link`: shown here, once. */
  delivery: Type.Union([Type.Literal('email'), Type.Literal('link')]),
  sentTo: Nullable(Type.String()),
  token: Nullable(Type.String()),
  link: Nullable(Type.String()),
  expiresAt: Type.String(),
});
export const UserRoleParams = Type.Object({ id: Type.String({ format: 'uuid' }), assignmentId: Type.String({ format: 'uuid' }) });

export const ApiTokenItem = Type.Object({
  id: Type.String(),
  name: Type.String(),
  role: Type.String(),
  agencyCode: Type.String(),
  prefix: Type.String(),
  createdAt: Type.String(),
  lastUsedAt: Nullable(Type.String()),
  revokedAt: Nullable(Type.String()),
  expiresAt: Type.String(),
});
export const ApiTokenCreated = Type.Object({ ...ApiTokenItem.properties, token: Type.String() });
/** How long a new API token lives: one year unless set, at most three. */
export const TOKEN_DEFAULT_DAYS = 365;
export const TOKEN_MAX_DAYS = 3 * 365;
export const CreateApiToken = Type.Object(
  {
    name: Text(100),
    role: RoleName,
    agencyCode: Type.String({ pattern: AGENCY_CODE_PATTERN }),
    expiresInDays: Type.Optional(
      Type.Integer({ minimum: 1, maximum: TOKEN_MAX_DAYS, default: TOKEN_DEFAULT_DAYS, description: 'Số ngày hiệu lực / days until it expires (default 365)' }),
    ),
  },
  { additionalProperties: false },
);
export const TokenParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

/** The agency picker (`GET /api/v1/agencies`): `roles`, comma-separated, narrows to the agencies reached with those roles. */
export const PickAgencyQuery = Type.Object({
  q: PageQuery.q,
  roles: Type.Optional(Type.String({ maxLength: 200, pattern: '^[a-z_,]*$' })),
  cursor: PageQuery.cursor,
  limit: PageQuery.limit,
});
export const PickedAgencyPage = pageOf(Type.Object({ code: Type.String(), name: Type.String(), provinceCode: Type.String() }));
