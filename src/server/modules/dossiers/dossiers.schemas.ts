import { Type } from 'typebox';
import { PageQuery } from '../../platform/pagination.js';
import { DOSSIER_ACTIONS, type DossierAction } from './dossier.state.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Str = Type.String();
const NStr = Nullable(Type.String());
const Text = (max = 500) => Type.String({ minLength: 1, maxLength: max });

export const CODE_PATTERN = '^[0-9A-Z.]{1,35}-[0-9]{6}-[0-9]{4,6}$';
export const CodeParams = Type.Object({ code: Type.String({ pattern: CODE_PATTERN }) });
export const DocumentFileParams = Type.Object({ code: Type.String({ pattern: CODE_PATTERN }), documentId: Type.String({ format: 'uuid' }) });
/** `visit`: the web page's id for one opening of the dossier; the reads of one visit make one access-log entry. */
export const DetailQuery = Type.Object({ visit: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9-]{8,64}$' })) }, { additionalProperties: false });
export const ActionParams = Type.Object({
  code: Type.String({ pattern: CODE_PATTERN }),
  action: Type.Unsafe<DossierAction>(Type.Union(DOSSIER_ACTIONS.map((a) => Type.Literal(a)))),
});

const Attachment = Type.Object({ fileName: Text(200), contentBase64: Type.String({ minLength: 4, maxLength: 14_000_000 }) }, { additionalProperties: false });
export const DocumentInput = Type.Object(
  {
    procedureDocumentId: Type.String({ format: 'uuid' }),
    form: Type.Optional(Type.Union([Type.Literal('original'), Type.Literal('certified_copy'), Type.Literal('copy'), Type.Literal('electronic')])),
    quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    attachment: Type.Optional(Attachment),
  },
  { additionalProperties: false },
);
const MissingItem = Type.Object({ procedureDocumentId: Type.String({ format: 'uuid' }), reason: Text(500) }, { additionalProperties: false });

export const IntakeBody = Type.Object(
  {
    procedureCode: Type.String({ minLength: 1, maxLength: 60 }),
    channel: Type.Union([Type.Literal('counter'), Type.Literal('online'), Type.Literal('postal')]),
    receivingAgencyCode: Type.Optional(Type.String({ pattern: '^[0-9A-Z.]{1,35}$' })),
    applicant: Type.Object(
      {
        fullName: Text(200),
        idNumber: Type.String({ pattern: '^[0-9A-Z]{6,20}$' }),
        phone: Type.String({ pattern: '^\\+?[0-9 ]{8,15}$' }),
        email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 200 }), Type.Literal(''), Type.Null()])),
        address: Text(400),
      },
      { additionalProperties: false },
    ),
    documents: Type.Array(DocumentInput, { maxItems: 50 }),
    decision: Type.Optional(Type.Union([Type.Literal('receive'), Type.Literal('supplement'), Type.Literal('refuse')])),
    missing: Type.Optional(Type.Array(MissingItem, { maxItems: 50 })),
    refusalReasons: Type.Optional(Type.Array(Text(500), { maxItems: 20 })),
  },
  { additionalProperties: false },
);

export const Created = Type.Object({
  code: Str,
  status: Str,
  receivedAt: NStr,
  dueAt: NStr,
  version: Type.Integer(),
  missingDocuments: Type.Array(Type.Object({ procedureDocumentId: Str, name: Str, reason: Str })),
});

const CollectorKind = Type.Union([Type.Literal('applicant'), Type.Literal('authorised')]);
/** Who collects the result (return): the applicant, or an authorised person with ID number and authorisation (checked by the service). */
const CollectorInput = Type.Object(
  {
    kind: CollectorKind,
    fullName: Type.Optional(Type.String({ maxLength: 200 })),
    idNumber: Type.Optional(Type.String({ maxLength: 40 })),
    authorisation: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const ActionBody = Type.Object(
  {
    expectedVersion: Type.Optional(Type.Integer({ minimum: 1 })),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
    reason: Type.Optional(Type.String({ maxLength: 1000 })),
    reasons: Type.Optional(Type.Array(Text(500), { maxItems: 20 })),
    items: Type.Optional(Type.Array(MissingItem, { maxItems: 50 })),
    documents: Type.Optional(Type.Array(DocumentInput, { maxItems: 50 })),
    assignee: Type.Optional(Type.String({ maxLength: 100 })),
    to: Type.Optional(Type.String({ maxLength: 100 })),
    toAgencyCode: Type.Optional(Type.String({ pattern: '^[0-9A-Z.]{1,35}$' })),
    newDueAt: Type.Optional(Type.String({ format: 'date-time' })),
    collector: Type.Optional(CollectorInput),
  },
  { additionalProperties: false },
);

export const ActionResult = Type.Object({ code: Str, status: Str, version: Type.Integer(), receivedAt: NStr, dueAt: NStr, currentStep: Str });

const SummaryFields = {
  code: Str,
  status: Str,
  channel: Str,
  procedureCode: Str,
  procedureName: Str,
  applicantName: Str,
  receivingAgencyName: Str,
  competentAgencyName: Str,
  assigneeName: NStr,
  currentStep: Str,
  receivedAt: NStr,
  dueAt: NStr,
  /** When it was returned, refused, withdrawn or stopped (null while open). */
  closedAt: NStr,
  isOverdue: Type.Boolean(),
  isDueSoon: Type.Boolean(),
  isLate: Type.Boolean(),
  hasApology: Type.Boolean(),
  version: Type.Integer(),
};
export const Summary = Type.Object(SummaryFields);
export const SummaryPage = Type.Object({ items: Type.Array(Summary), nextCursor: NStr });
/**
 * `queue`: mine (assigned to me; a leader's also what waits for him to assign or approve), unit, late,
 * returned (Đã trả kết quả, by return day `from`–`to`), all (every dossier of my agencies: the staff search).
 * `q`: the dossier code's start, the applicant's name (accent-insensitive) or ID number.
 */
export const QueueQuery = Type.Object({
  queue: Type.Optional(Type.Union([Type.Literal('mine'), Type.Literal('unit'), Type.Literal('late'), Type.Literal('returned'), Type.Literal('all')])),
  status: Type.Optional(Type.String({ maxLength: 200, pattern: '^[a-z_,]*$' })),
  q: PageQuery.q,
  from: Type.Optional(Type.String({ format: 'date' })),
  to: Type.Optional(Type.String({ format: 'date' })),
  cursor: PageQuery.cursor,
  limit: PageQuery.limit,
});

const Ref = Type.Object({ code: Str, name: Str });
const Event = Type.Object({ action: Str, fromStatus: NStr, toStatus: Str, at: Str, actor: Type.Optional(Str), note: Type.Optional(NStr) });
export const Detail = Type.Object({
  ...SummaryFields,
  statusId: Type.Integer(),
  procedure: Type.Object({ code: Str, name: Str, version: Type.Integer() }),
  receivingAgency: Ref,
  competentAgency: Ref,
  currentAgency: Ref,
  applicant: Type.Object({ fullName: Str, idNumber: Str, phone: Str, email: NStr, address: Str }),
  submittedAt: Str,
  originalDueAt: NStr,
  dueCalendarVersion: NStr,
  dueRule: Type.Union([
    Type.Object({
      amount: Type.Number(),
      unit: Str,
      ruleSet: Str,
      procedureRuleVersion: Str,
      from: Str,
      sameDay: Type.Optional(Type.Object({ cutoff: Str, isAfterCutoff: Type.Boolean(), legalReference: Str })),
    }),
    Type.Null(),
  ]),
  supplement: Type.Object({
    intakeRequestedAt: NStr,
    appraisalRequestedAt: NStr,
    items: Type.Array(Type.Object({ procedureDocumentId: Str, name: Str, reason: Str })),
  }),
  apology: Type.Union([Type.Object({ issuedAt: Str, reason: Str }), Type.Null()]),
  refusalReasons: Type.Array(Str),
  feesDue: Type.Integer(),
  feesPaidAt: NStr,
  assignedTo: Type.Union([Type.Object({ id: Str, name: Str }), Type.Null()]),
  closedAt: NStr,
  /** Who collected the result, from the return step (null before the return). */
  collector: Type.Union([Type.Object({ kind: CollectorKind, fullName: Str, idNumber: Str, authorisation: NStr, at: Str }), Type.Null()]),
  documents: Type.Array(
    Type.Object({
      id: Str,
      procedureDocumentId: NStr,
      name: Str,
      form: Str,
      quantity: Type.Integer(),
      hasFile: Type.Boolean(),
      mime: NStr,
      size: Type.Union([Type.Integer(), Type.Null()]),
      sha256: NStr,
      stage: Str,
    }),
  ),
  timeline: Type.Array(Event),
  handoffs: Type.Array(
    Type.Object({ step: Str, from: NStr, fromAgency: NStr, to: NStr, toAgency: NStr, stepStartedAt: Str, stepDueAt: NStr, at: Str, result: NStr }),
  ),
  availableActions: Type.Array(Str),
  /** Where the forward action may send the dossier: the agencies its procedure names (empty when it cannot be forwarded). */
  forwardAgencies: Type.Array(
    Type.Object({ code: Str, name: Str, role: Type.Union([Type.Literal('competent'), Type.Literal('coordinating')]), stepName: NStr }),
  ),
});

export const AccessLog = Type.Object({ items: Type.Array(Type.Object({ at: Str, who: Str, agency: NStr, purpose: Str })) });

// ── Public ────────────────────────────────────────────────────────────────────────────────────
export const DesksQuery = Type.Object({ procedureCode: Type.String({ minLength: 1, maxLength: 60 }) }, { additionalProperties: false });
export const Desks = Type.Object({
  items: Type.Array(Type.Object({ code: Str, name: Str, provinceCode: Str })),
  /** The desk an online submission goes to when none is named; null when the citizen must choose. */
  suggestedCode: NStr,
});
/** The check a province's public lookup asks for (see lookup.repo.ts). */
const LookupCheckValue = Type.Union([Type.Literal('phone_tail'), Type.Literal('check_code')]);
export const LookupCheckQuery = Type.Object({ code: Type.String({ pattern: CODE_PATTERN }) });
export const LookupCheckResult = Type.Object({ check: LookupCheckValue });
export const ProvinceParams = Type.Object({ provinceCode: Type.String({ pattern: '^[0-9]{2}$' }) });
export const LookupCheckBody = Type.Object({ check: LookupCheckValue }, { additionalProperties: false });
export const LookupCheckSetting = Type.Object({ provinceCode: Str, check: LookupCheckValue });
/** `verify`: the phone's last four digits, or the receipt's 6-character check code (the one the province asks for). */
export const PublicQuery = Type.Object({ verify: Type.Optional(Type.String({ maxLength: 10 })), token: Type.Optional(Type.String({ maxLength: 400 })) });
export const PublicDossier = Type.Object({
  code: Str,
  status: Str,
  statusId: Type.Integer(),
  procedureName: Str,
  receivingAgencyName: Str,
  competentAgencyName: Str,
  submittedAt: Str,
  receivedAt: NStr,
  dueAt: NStr,
  isLate: Type.Boolean(),
  canRate: Type.Boolean(),
  timeline: Type.Array(Event),
});

export const RatingBody = Type.Object(
  {
    verify: Type.Optional(Type.String({ maxLength: 10 })),
    token: Type.Optional(Type.String({ maxLength: 400 })),
    satisfaction: Type.Union([Type.Literal('very_satisfied'), Type.Literal('satisfied'), Type.Literal('unsatisfied')]),
    timesReturned: Type.Integer({ minimum: 0, maximum: 50 }),
    bodiesContacted: Type.Integer({ minimum: 0, maximum: 50 }),
    attitude: Type.Union([Type.Literal('good'), Type.Literal('acceptable'), Type.Literal('poor')]),
    comment: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export const RatingResult = Type.Object({ code: Str, satisfaction: Str, scores: Type.Record(Type.String(), Type.Number()), createdAt: Str });
export const StatsQuery = Type.Object({
  by: Type.Union([Type.Literal('officer'), Type.Literal('counter'), Type.Literal('agency'), Type.Literal('procedure')]),
});
export const Stats = Type.Object({
  by: Str,
  items: Type.Array(Type.Object({ key: Str, label: Str, total: Type.Integer(), satisfied: Type.Integer(), rate: Type.Number() })),
});

export const VerifyQuery = Type.Object({ token: Type.String({ minLength: 1, maxLength: 400 }) });
export const VerifyResult = Type.Object({
  valid: Type.Boolean(),
  kind: Type.Optional(Str),
  formNo: Type.Optional(Str),
  dossierCode: Type.Optional(Str),
  issuedAt: Type.Optional(Str),
  dueAt: Type.Optional(NStr),
  status: Type.Optional(Str),
});
export const BookQuery = Type.Object({ from: Type.String({ format: 'date' }), to: Type.String({ format: 'date' }) });
export const FormParams = Type.Object({
  code: Type.String({ pattern: CODE_PATTERN }),
  form: Type.Union([Type.Literal('receipt'), Type.Literal('supplement'), Type.Literal('refusal'), Type.Literal('apology'), Type.Literal('control-sheet')]),
});
const NotificationItem = Type.Object({
  id: Str,
  channel: Str,
  recipient: Str,
  subject: Str,
  body: Str,
  status: Str,
  dossierId: NStr,
  createdAt: Str,
  sentAt: NStr,
});
export const Notifications = Type.Object({ items: Type.Array(NotificationItem) });

/** The bell: my in-app messages, newest first, with the dossier's code to link to and whether I have read each. */
export const MyNotificationsQuery = Type.Object({
  cursor: PageQuery.cursor,
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  unread: Type.Optional(Type.Boolean()),
});
export const MyNotifications = Type.Object({
  items: Type.Array(Type.Object({ ...NotificationItem.properties, dossierCode: NStr, readAt: NStr })),
  nextCursor: NStr,
  unread: Type.Integer(),
});
export const UnreadCount = Type.Object({ unread: Type.Integer() });
export const NotificationParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const MarkedRead = Type.Object({ marked: Type.Integer(), unread: Type.Integer() });
