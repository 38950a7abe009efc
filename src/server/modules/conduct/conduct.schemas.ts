import { Type } from 'typebox';
import { CHECKLIST_ITEMS } from './code.data.js';
import { DISCIPLINE_FORMS, NO_LIMITATION_CASES, SEVERITIES, WAITING_REASONS } from './discipline.rules.js';
import { GRADES } from './rating.rules.js';

const S = Type.String();
const N = <T extends ReturnType<typeof Type.String | typeof Type.Number | typeof Type.Integer | typeof Type.Boolean>>(t: T) => Type.Union([t, Type.Null()]);
const Text = (max = 2000) => Type.String({ minLength: 1, maxLength: max });
/** A union of string literals; `Unsafe` gives it the static type T (a union over a mapped array would be `never`). */
const Lit = <T extends string>(values: readonly T[]) => Type.Unsafe<T>(Type.Union(values.map((v) => Type.Literal(v))));
const Date_ = Type.String({ format: 'date' });
const Uuid = Type.String({ format: 'uuid' });
const AgencyCode = Type.String({ pattern: '^[0-9A-Z.]{1,35}$' });
const Version = Type.Integer({ minimum: 1 });
const Loose = Type.Object({}, { additionalProperties: true });
const obj = <T extends Parameters<typeof Type.Object>[0]>(p: T) => Type.Object(p, { additionalProperties: false });

/** Why the caller may not judge this record (403 SELF_REVIEW on its judging steps), or null. */
const SelfReview = Type.Union([Lit(['official_concerned', 'filer']), Type.Null()], {
  description: 'official_concerned: the caller is the official concerned; filer: the caller filed the record',
});
export const IdParams = obj({ id: Uuid });
export const Items = (item: ReturnType<typeof Type.Object>) => Type.Object({ items: Type.Array(item) });

// ── Code of conduct ───────────────────────────────────────────────────────────────────────────
export const RuleSet = Type.Object({
  id: S,
  code: S,
  version: Type.Integer(),
  title: S,
  legalReference: S,
  effectiveFrom: S,
  agencyCode: N(S),
  isSample: Type.Boolean(),
  textHash: S,
  note: N(S),
  ruleCount: Type.Integer(),
});
export const Rule = Type.Object({
  id: S,
  chapter: Type.Integer(),
  chapterTitle: S,
  number: Type.Integer(),
  text: S,
  checklistItem: N(S),
  isConfirmed: Type.Boolean(),
});
export const RuleSetDetail = Type.Object({ ...RuleSet.properties, rules: Type.Array(Rule) });
export const CreateRuleSet = obj({
  code: Type.String({ pattern: '^[A-Z0-9_]{2,40}$' }),
  agencyCode: AgencyCode,
  title: Text(300),
  legalReference: Text(500),
  effectiveFrom: Date_,
  isSample: Type.Optional(Type.Boolean()),
  rules: Type.Array(
    obj({
      chapter: Type.Integer({ minimum: 1, maximum: 99 }),
      chapterTitle: Text(200),
      number: Type.Integer({ minimum: 1, maximum: 999 }),
      text: Text(2000),
      checklistItem: Type.Optional(Lit(CHECKLIST_ITEMS)),
      isConfirmed: Type.Optional(Type.Boolean()),
    }),
    { minItems: 1, maxItems: 500 },
  ),
});

export const Campaign = Type.Object({ id: S, agencyCode: S, year: Type.Integer(), title: S, opensOn: S, closesOn: S });
export const CreateCampaign = obj({
  agencyCode: AgencyCode,
  year: Type.Integer({ minimum: 2000, maximum: 2100 }),
  title: Text(300),
  opensOn: Date_,
  closesOn: Date_,
});
export const Completion = Type.Object({
  campaign: Campaign,
  units: Type.Array(Type.Object({ agencyCode: S, agencyName: S, officials: Type.Integer(), completed: Type.Integer(), percent: Type.Number() })),
});
export const MyCommitments = Type.Object({
  official: Type.Union([Type.Object({ id: S, fullName: S, agencyCode: S }), Type.Null()]),
  items: Type.Array(
    Type.Object({
      campaign: Campaign,
      ruleSetId: S,
      ruleSetCode: S,
      ruleSetTitle: S,
      ruleSetVersion: Type.Integer(),
      isSample: Type.Boolean(),
      textHash: S,
      acknowledgedAt: N(S),
    }),
  ),
});
export const Acknowledge = obj({ campaignId: Uuid, ruleSetId: Uuid, textHash: Type.String({ pattern: '^[0-9a-f]{64}$' }) });
export const Acknowledged = Type.Object({ id: S, acknowledgedAt: S, textHash: S });

// ── Officials lookup ──────────────────────────────────────────────────────────────────────────
export const OfficialRef = Type.Object({ id: S, code: S, fullName: S, agencyCode: S, agencyName: S, category: S, leadershipTitle: N(S) });
export const OfficialQuery = obj({ q: Type.Optional(Type.String({ maxLength: 100 })), agencyCode: Type.Optional(AgencyCode) });

// ── Attendance ────────────────────────────────────────────────────────────────────────────────
export const Attendance = Type.Object({
  id: S,
  officialId: S,
  workDate: S,
  checkIn: N(S),
  checkOut: N(S),
  source: S,
  status: S,
  lateMinutes: Type.Integer(),
  earlyMinutes: Type.Integer(),
});
export const ImportAttendance = obj({ agencyCode: AgencyCode, csv: Type.String({ minLength: 1, maxLength: 1_000_000 }) });
export const ImportResult = Type.Object({
  imported: Type.Integer(),
  skippedNonWorkingDays: Type.Integer(),
  rejected: Type.Array(Type.Object({ line: Type.Integer(), reason: S })),
});
export const AttendanceQuery = obj({ agencyCode: AgencyCode, from: Type.Optional(Date_), to: Type.Optional(Date_) });
const Month = Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' });
export const ReportQuery = obj({ agencyCode: AgencyCode, month: Month });
const Dates = Type.Array(S);
export const AttendanceReport = Type.Object({
  agencyCode: S,
  agencyName: S,
  month: S,
  workingDays: Type.Integer(),
  officeHours: Type.Object({ opens: S, closes: S }),
  items: Type.Array(
    Type.Object({
      officialId: S,
      code: S,
      fullName: S,
      agencyCode: S,
      present: Type.Integer(),
      late: Type.Integer(),
      lateMinutes: Type.Integer(),
      early: Type.Integer(),
      earlyMinutes: Type.Integer(),
      absent: Type.Integer(),
      unrecorded: Type.Integer(),
      lateDates: Dates,
      earlyDates: Dates,
      absentDates: Dates,
    }),
  ),
});
export const MyAttendanceQuery = obj({ month: Type.Optional(Month) });
export const MyAttendance = Type.Object({
  official: Type.Union([Type.Object({ id: S, fullName: S, agencyCode: S }), Type.Null()]),
  today: S,
  isWorkingDay: Type.Boolean(),
  items: Type.Array(Attendance),
});

// ── Inspections ───────────────────────────────────────────────────────────────────────────────
export const FindingPhoto = Type.Object({
  n: Type.Integer({ description: '1-based; GET /findings/{id}/photos/{n}' }),
  sha256: S,
  contentType: S,
  size: Type.Integer(),
  uploadedAt: S,
});
export const Finding = Type.Object({
  id: S,
  officialId: S,
  officialName: S,
  checklistItem: S,
  ruleId: N(S),
  isCompliant: Type.Boolean(),
  note: N(S),
  photoKeys: Type.Array(S),
  photos: Type.Array(FindingPhoto),
  violationId: N(S),
  createdAt: S,
});
export const PhotoParams = obj({ id: Uuid, n: Type.Integer({ minimum: 1, maximum: 10 }) });
export const Inspection = Type.Object({ id: S, agencyCode: S, kind: S, inspectedAt: S, note: N(S), findings: Type.Union([Type.Array(Finding), Type.Null()]) });
export const CreateInspection = obj({
  agencyCode: AgencyCode,
  kind: Lit(['planned', 'unannounced']),
  inspectedAt: Type.String({ format: 'date-time' }),
  note: Type.Optional(Text(2000)),
});
export const CreateFinding = obj({
  officialId: Uuid,
  checklistItem: Lit(CHECKLIST_ITEMS),
  isCompliant: Type.Boolean(),
  ruleId: Type.Optional(Uuid),
  note: Type.Optional(Text(2000)),
  photoKeys: Type.Optional(Type.Array(Type.String({ maxLength: 140 }), { maxItems: 10 })),
});
export const ChecklistQuery = obj({ agencyCode: AgencyCode });
export const Checklist = Type.Object({
  items: Type.Array(
    Type.Object({
      item: S,
      label: S,
      rules: Type.Array(
        Type.Object({ id: S, ruleSetCode: S, ruleSetTitle: S, isSample: Type.Boolean(), chapter: Type.Integer(), number: Type.Integer(), text: S }),
      ),
    }),
  ),
});

// ── Violations ────────────────────────────────────────────────────────────────────────────────
export const Violation = Type.Object({
  id: S,
  agencyCode: S,
  officialId: S,
  officialName: S,
  source: S,
  ruleId: N(S),
  occurredOn: S,
  description: S,
  evidence: Loose,
  isDutyRelated: Type.Boolean(),
  status: S,
  answerText: N(S),
  answeredAt: N(S),
  reviewNote: N(S),
  reviewedAt: N(S),
  version: Type.Integer(),
  createdAt: S,
});
export const ViolationDetail = Type.Object({
  ...Violation.properties,
  selfReview: SelfReview,
  rule: Type.Union([Type.Object({ id: S, chapter: Type.Integer(), number: Type.Integer(), text: S }), Type.Null()]),
});
export const ViolationPage = Type.Object({ items: Type.Array(Violation), nextCursor: N(S) });
export const ViolationQuery = obj({
  status: Type.Optional(Lit(['reported', 'answered', 'confirmed', 'dismissed'])),
  mine: Type.Optional(Type.Boolean()),
  cursor: Type.Optional(Type.String({ maxLength: 400 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
});
export const CreateViolation = obj({
  officialId: Uuid,
  source: Lit(['complaint', 'citizen_rating', 'attendance']),
  ruleId: Type.Optional(Uuid),
  occurredOn: Date_,
  description: Text(2000),
  evidence: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  isDutyRelated: Type.Optional(Type.Boolean()),
});
export const Answer = obj({ text: Text(10_000), version: Version });
export const Review = obj({ note: Type.Optional(Text(2000)), isDutyRelated: Type.Optional(Type.Boolean()), version: Version });

// ── Discipline ────────────────────────────────────────────────────────────────────────────────
const Doc = Type.Object({ kind: S, title: S, storageKey: N(S), addedAt: S });
export const DisciplineCase = Type.Object({
  id: S,
  agencyCode: S,
  officialId: S,
  officialName: S,
  violationIds: Type.Array(S),
  actDate: S,
  regime: S,
  regimeReference: S,
  category: S,
  isLeader: Type.Boolean(),
  severity: S,
  isComplex: Type.Boolean(),
  isDutyRelated: Type.Boolean(),
  status: S,
  waitingReason: N(S),
  openedAt: S,
  handlingDue: S,
  calendarVersion: S,
  isOverdue: Type.Boolean(),
  limitationUntil: N(S),
  limitationRule: S,
  allowedForms: Type.Array(Type.Object({ code: S, label: S })),
  documents: Type.Array(Doc),
  decisionForm: N(S),
  decisionFormLabel: N(S),
  decisionNumber: N(S),
  decidedAt: N(S),
  complaintText: N(S),
  complaintAt: N(S),
  complaintStatus: N(S),
  version: Type.Integer(),
});
export const DisciplineCaseDetail = Type.Object({
  ...DisciplineCase.properties,
  selfReview: SelfReview,
  violations: Type.Array(Type.Object({ id: S, occurredOn: S, description: S, status: S, source: S })),
});
export const OpenCase = obj({
  violationIds: Type.Array(Uuid, { minItems: 1, maxItems: 20 }),
  severity: Lit(SEVERITIES),
  isComplex: Type.Optional(Type.Boolean()),
  actDate: Type.Optional(Date_),
  noLimitation: Type.Optional(Lit(NO_LIMITATION_CASES)),
});
export const Decide = obj({ form: Lit(DISCIPLINE_FORMS), decisionNumber: Text(100), version: Version });
export const AddDocument = obj({
  kind: Lit(['bien_ban_kiem_diem', 'bao_cao_giai_trinh', 'bien_ban_hoi_dong', 'to_trinh', 'khac']),
  title: Text(300),
  storageKey: Type.Optional(Type.String({ maxLength: 140 })),
  version: Version,
});
export const Wait = obj({ reason: Lit(WAITING_REASONS), version: Version });
export const VersionOnly = obj({ version: Version });
export const Complaint = obj({ text: Text(10_000), version: Version });
export const ResolveComplaint = obj({ outcome: Lit(['upheld', 'rejected']), version: Version });
export const MineQuery = obj({ mine: Type.Optional(Type.Boolean()) });

// ── Annual rating ─────────────────────────────────────────────────────────────────────────────
const Part = Type.Object({ general: N(Type.Number()), task: N(Type.Number()), total: N(Type.Number()), grade: N(S), comment: N(S) });
export const Rating = Type.Object({
  id: S,
  agencyCode: S,
  officialId: S,
  officialName: S,
  year: Type.Integer(),
  regime: S,
  status: S,
  self: Part,
  manager: Part,
  finalGrade: N(S),
  finalGradeLabel: N(S),
  finalReason: N(S),
  decidedAt: N(S),
  version: Type.Integer(),
});
const Int = Type.Integer();
export const RatingEvidence = Type.Object(
  {
    attendance: Type.Object({ days: Int, late: Int, early: Int, absent: Int }),
    inspections: Type.Object({ total: Int, failed: Int }),
    commitments: Type.Array(Type.Object({ campaign: S, acknowledgedAt: S })),
    violations: Type.Array(Type.Object({ id: S, source: S, status: S, occurredOn: S, description: S, isDutyRelated: Type.Boolean() })),
    serviceSignals: Type.Array(Type.Object({ id: S, status: S, kind: S, occurredOn: S })),
    disciplines: Type.Array(Type.Object({ id: S, form: S, formLabel: S, isDutyRelated: Type.Boolean(), decidedAt: S, decisionNumber: N(S) })),
    emulation: Type.Array(Type.Object({ campaign: S, criterion: S, points: Type.Number() })),
    titles: Type.Array(Type.Object({ code: S, label: S, isEligible: Type.Boolean(), unmet: Type.Array(S), bonus: Type.Number(), isConfirmed: Type.Boolean() })),
  },
  { additionalProperties: true },
);
export const RatingDetail = Type.Object({
  ...Rating.properties,
  selfReview: SelfReview,
  regimeReference: S,
  usesPoints: Type.Boolean(),
  gradeLabels: Loose,
  evidence: RatingEvidence,
});
export const OpenRating = obj({ officialId: Uuid, year: Type.Integer({ minimum: 2020, maximum: 2100 }) });
export const Assess = obj({
  general: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
  task: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
  grade: Type.Optional(Lit(GRADES)),
  comment: Type.Optional(Text(5000)),
  version: Version,
});
export const RatingQuery = obj({ year: Type.Optional(Type.Integer({ minimum: 2020, maximum: 2100 })), mine: Type.Optional(Type.Boolean()) });

// ── Emulation ─────────────────────────────────────────────────────────────────────────────────
const Criterion = Type.Object({ code: S, label: S, maxPoints: Type.Number() });
export const EmulationCampaign = Type.Object({
  id: S,
  code: S,
  title: S,
  fromYear: Type.Integer(),
  toYear: Type.Integer(),
  legalReference: S,
  isSample: Type.Boolean(),
  criteria: Type.Array(Criterion),
});
export const EmulationList = Type.Object({
  items: Type.Array(EmulationCampaign),
  titles: Type.Array(
    Type.Object({ code: S, label: S, scope: S, multiple: Type.Number(), bonus: Type.Number(), minGrade: N(S), legalReference: S, isConfirmed: Type.Boolean() }),
  ),
  baseSalary: Type.Number(),
});
const Total = Type.Object({ key: S, label: S, agencyCode: S, total: Type.Number(), byCriterion: Type.Record(Type.String(), Type.Number()) });
export const EmulationScores = Type.Object({ campaign: EmulationCampaign, year: Type.Integer(), units: Type.Array(Total), officials: Type.Array(Total) });
export const YearQuery = obj({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) });
export const RecordScore = obj({
  agencyCode: AgencyCode,
  officialId: Type.Optional(Uuid),
  year: Type.Integer({ minimum: 2000, maximum: 2100 }),
  criterion: Type.String({ maxLength: 40 }),
  points: Type.Number({ minimum: 0, maximum: 1000 }),
  note: Type.Optional(Text(1000)),
});
export const ScoreRecorded = Type.Object({ id: S, points: Type.Number() });
