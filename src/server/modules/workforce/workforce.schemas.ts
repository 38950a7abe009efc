import { Type } from 'typebox';
import { pageOf, PageQuery } from '../../platform/pagination.js';
import { CATEGORIES, DEGREES, GENDERS, POLITICAL_THEORY } from './workforce.rules.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const NStr = Nullable(Type.String());
const Lit = (values: readonly string[]) => Type.String({ enum: [...values] });
const AgencyCode = Type.String({ pattern: '^[0-9A-Z.]{1,35}$' });
const Text = (max = 200) => Type.String({ minLength: 1, maxLength: max });
const OptText = (max = 200) => Type.Optional(Type.Union([Type.String({ maxLength: max }), Type.Null()]));

export const OfficialItem = Type.Object({
  id: Type.String(),
  code: Type.String(),
  fullName: Type.String(),
  familyName: Type.String(),
  middleName: Type.String(),
  givenName: Type.String(),
  gender: Type.String(),
  category: Type.String(),
  agencyCode: Type.String(),
  agencyName: Type.String(),
  orgUnitName: NStr,
  positionName: NStr,
  rank: NStr,
  leadershipTitle: NStr,
  politicalTheory: Type.String(),
  status: Type.String(),
});
export const OfficialPage = pageOf(OfficialItem);
export const OfficialQuery = Type.Object({
  ...PageQuery,
  agency: Type.Optional(AgencyCode),
  category: Type.Optional(Lit(CATEGORIES)),
  status: Type.Optional(Lit(['active', 'retired', 'moved'])),
});

export const Assignment = Type.Object({
  id: Type.String(),
  agencyCode: Type.String(),
  agencyName: Type.String(),
  orgUnitName: NStr,
  positionName: NStr,
  validFrom: Type.String(),
  validTo: NStr,
  note: NStr,
});
export const Training = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  title: Type.String(),
  institution: NStr,
  fromDate: NStr,
  toDate: NStr,
  certificate: NStr,
});
export const Official = Type.Object({
  ...OfficialItem.properties,
  ethnicity: Type.String(),
  isPartyMember: Type.Boolean(),
  professionalDegree: Type.String(),
  professionalField: NStr,
  stateManagement: NStr,
  itLevel: NStr,
  foreignLanguage: NStr,
  email: NStr,
  joinedAt: NStr,
  leftAt: NStr,
  version: Type.Integer(),
  account: Type.Union([Type.Object({ username: Type.String(), displayName: Type.String() }), Type.Null()], {
    description: 'The user account linked to this record (POST /officials/{id}/account)',
  }),
  identifiersMasked: Type.Boolean(),
  dateOfBirth: NStr,
  birthYear: Type.Integer(),
  idNumber: NStr,
  phone: NStr,
  assignments: Type.Array(Assignment),
  training: Type.Array(Training),
});
export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const LinkAccount = Type.Object(
  {
    username: Type.Union([Type.String({ minLength: 1, maxLength: 100 }), Type.Null()], { description: 'null unlinks' }),
    version: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);

const Date_ = Type.String({ format: 'date' });
export const CreateOfficial = Type.Object(
  {
    code: Type.String({ pattern: '^[\\p{L}\\p{N}._/-]{1,40}$' }),
    familyName: Text(50),
    middleName: Type.Optional(Type.String({ maxLength: 80 })),
    givenName: Text(50),
    dateOfBirth: Date_,
    gender: Lit(GENDERS),
    ethnicity: Type.Optional(Text(50)),
    category: Lit(CATEGORIES),
    agencyCode: AgencyCode,
    orgUnitId: Type.Optional(Type.String({ format: 'uuid' })),
    positionId: Type.Optional(Type.String({ format: 'uuid' })),
    rank: OptText(),
    leadershipTitle: OptText(),
    isPartyMember: Type.Optional(Type.Boolean()),
    politicalTheory: Type.Optional(Lit(POLITICAL_THEORY)),
    professionalDegree: Type.Optional(Lit(DEGREES)),
    professionalField: OptText(),
    stateManagement: OptText(),
    itLevel: OptText(),
    foreignLanguage: OptText(),
    idNumber: Type.Optional(Type.Union([Type.String({ pattern: '^[0-9]{12}$' }), Type.Null()])),
    phone: Type.Optional(Type.Union([Type.String({ pattern: '^\\+?[0-9]{9,15}$' }), Type.Null()])),
    email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 200 }), Type.Null()])),
    joinedAt: Type.Optional(Date_),
  },
  { additionalProperties: false },
);
export const UpdateOfficial = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    agencyCode: Type.Optional(AgencyCode),
    orgUnitId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
    positionId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
    category: Type.Optional(Lit(CATEGORIES)),
    rank: OptText(),
    leadershipTitle: OptText(),
    isPartyMember: Type.Optional(Type.Boolean()),
    politicalTheory: Type.Optional(Lit(POLITICAL_THEORY)),
    professionalDegree: Type.Optional(Lit(DEGREES)),
    professionalField: OptText(),
    stateManagement: OptText(),
    itLevel: OptText(),
    foreignLanguage: OptText(),
    phone: Type.Optional(Type.Union([Type.String({ pattern: '^\\+?[0-9]{9,15}$' }), Type.Null()])),
    email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 200 }), Type.Null()])),
    status: Type.Optional(Lit(['active', 'retired', 'moved'])),
    leftAt: Type.Optional(Date_),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export const CreateTraining = Type.Object(
  {
    kind: Lit(['chuyen_mon', 'ly_luan_chinh_tri', 'quan_ly_nha_nuoc', 'tin_hoc', 'ngoai_ngu', 'boi_duong']),
    title: Text(300),
    institution: OptText(300),
    fromDate: Type.Optional(Date_),
    toDate: Type.Optional(Date_),
    certificate: OptText(200),
  },
  { additionalProperties: false },
);

export const ImportQuery = Type.Object({ dryRun: Type.Optional(Type.Boolean({ default: true })), jobId: Type.Optional(Type.String({ format: 'uuid' })) });
export const Rejected = Type.Object({ line: Type.Integer(), reason: Type.String() });
export const ImportResult = Type.Object({
  jobId: NStr,
  dryRun: Type.Boolean(),
  total: Type.Integer(),
  imported: Type.Integer(),
  updated: Type.Integer(),
  rejected: Type.Array(Rejected),
});
export const ImportJob = Type.Object({
  id: Type.String(),
  fileName: Type.String(),
  dryRun: Type.Boolean(),
  status: Type.String(),
  total: Type.Integer(),
  processed: Type.Integer(),
  imported: Type.Integer(),
  updated: Type.Integer(),
  rejected: Type.Array(Rejected),
  error: NStr,
  createdAt: Type.String(),
  finishedAt: NStr,
});

const Counts = Type.Record(Type.String(), Type.Integer());
export const StatsQuery = Type.Object({ agency: Type.Optional(AgencyCode), date: Type.Optional(Date_) });
export const Stats = Type.Object({
  agency: Type.String(),
  date: Type.String(),
  headcount: Type.Integer(),
  byCategory: Counts,
  politicalTheory: Type.Object({ so_cap: Type.Integer(), trung_cap: Type.Integer(), cao_cap: Type.Integer(), cu_nhan: Type.Integer(), none: Type.Integer() }),
  shareIntermediateOrHigher: Type.Number({ minimum: 0, maximum: 1 }),
  byGender: Counts,
  byAgeBand: Counts,
  byQualification: Counts,
  partyMembers: Type.Integer(),
});

export const Position = Type.Object({
  id: Type.String(),
  agencyCode: Type.String(),
  agencyName: Type.String(),
  orgUnitName: NStr,
  name: Type.String(),
  quota: Type.Union([Type.Integer(), Type.Null()]),
  filled: Type.Integer(),
  vacant: Type.Union([Type.Integer(), Type.Null()]),
  over: Type.Union([Type.Integer(), Type.Null()]),
  version: Type.Integer(),
});
export const PositionQuery = Type.Object({ agency: Type.Optional(AgencyCode) });
export const CreatePosition = Type.Object(
  {
    agencyCode: AgencyCode,
    orgUnitId: Type.Optional(Type.String({ format: 'uuid' })),
    name: Text(200),
    quota: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 100000 }), Type.Null()])),
  },
  { additionalProperties: false },
);
export const UpdateQuota = Type.Object(
  { version: Type.Integer({ minimum: 1 }), quota: Type.Union([Type.Integer({ minimum: 0, maximum: 100000 }), Type.Null()]) },
  { additionalProperties: false },
);

export const Candidate = Type.Object({
  id: Type.String(),
  officialId: Type.String(),
  officialCode: Type.String(),
  officialName: Type.String(),
  agencyCode: Type.String(),
  ruleSet: Type.String(),
  groupCode: Type.String(),
  groupLabel: Type.String(),
  reason: Type.String(),
  deferralCode: NStr,
  status: Type.String(),
  decisionNote: NStr,
  decidedAt: NStr,
  version: Type.Integer(),
});
const RuleItem = Type.Object({ code: Type.String(), label: Type.String() });
export const CandidateList = Type.Object({
  items: Type.Array(Candidate),
  rules: Type.Object({
    id: Type.String(),
    legalReference: Type.String(),
    effectiveFrom: Type.String(),
    groups: Type.Array(RuleItem),
    deferrals: Type.Array(RuleItem),
  }),
});
export const CandidateQuery = Type.Object({ agency: Type.Optional(AgencyCode), status: Type.Optional(Lit(['pending', 'approved', 'rejected', 'deferred'])) });
export const FlagCandidate = Type.Object(
  {
    officialId: Type.String({ format: 'uuid' }),
    groupCode: Type.String({ maxLength: 10 }),
    reason: Text(1000),
    deferralCode: Type.Optional(Type.String({ maxLength: 10 })),
  },
  { additionalProperties: false },
);
export const ReviewCandidate = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    decision: Lit(['approved', 'rejected', 'deferred']),
    note: Text(1000),
    deferralCode: Type.Optional(Type.String({ maxLength: 10 })),
  },
  { additionalProperties: false },
);
