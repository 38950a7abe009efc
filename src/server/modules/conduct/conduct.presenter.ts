import type { CaseRow, FindingRow, InspectionRow, ViolationRow } from './cases.repo.js';
import type { CampaignRow, RuleSetRow } from './code.repo.js';
import { FORM_LABELS, type DisciplineForm } from './discipline.rules.js';
import { type Grade, GRADE_LABELS, totalScore } from './rating.rules.js';
import type { RatingRow } from './rating.repo.js';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);
const n = (v: string | null): number | null => (v === null ? null : Number(v));

export const presentRuleSet = (r: RuleSetRow & { agencyCode: string | null; ruleCount: number }) => ({
  id: r.id,
  code: r.code,
  version: r.version,
  title: r.title,
  legalReference: r.legalReference,
  effectiveFrom: r.effectiveFrom,
  agencyCode: r.agencyCode,
  isSample: r.isSample,
  textHash: r.textHash,
  note: r.note,
  ruleCount: r.ruleCount,
});

export const presentCampaign = (c: CampaignRow, agencyCode: string) => ({
  id: c.id,
  agencyCode,
  year: c.year,
  title: c.title,
  opensOn: c.opensOn,
  closesOn: c.closesOn,
});

export const presentFinding = (f: FindingRow) => ({
  id: f.id,
  officialId: f.officialId,
  officialName: f.officialName,
  checklistItem: f.checklistItem,
  ruleId: f.ruleId,
  isCompliant: f.isCompliant,
  note: f.note,
  photoKeys: f.photoKeys,
  photos: f.photos.map((x, i) => ({ n: i + 1, sha256: x.sha256, contentType: x.contentType, size: x.size, uploadedAt: x.uploadedAt })),
  violationId: f.violationId,
  createdAt: f.createdAt.toISOString(),
});

export const presentInspection = (i: InspectionRow, findings: FindingRow[] | null) => ({
  id: i.id,
  agencyCode: i.agencyCode,
  kind: i.kind,
  inspectedAt: i.inspectedAt.toISOString(),
  note: i.note,
  findings: findings ? findings.map(presentFinding) : null,
});

export const presentViolation = (v: ViolationRow) => ({
  id: v.id,
  agencyCode: v.agencyCode,
  officialId: v.officialId,
  officialName: v.officialName,
  source: v.source,
  ruleId: v.ruleId,
  occurredOn: v.occurredOn,
  description: v.description,
  evidence: v.evidence,
  isDutyRelated: v.isDutyRelated,
  status: v.status,
  answerText: v.answerText,
  answeredAt: iso(v.answeredAt),
  reviewNote: v.reviewNote,
  reviewedAt: iso(v.reviewedAt),
  version: v.version,
  createdAt: v.createdAt.toISOString(),
});

export const presentCase = (c: CaseRow, extra: { regimeReference: string; allowedForms: string[]; isOverdue: boolean }) => ({
  id: c.id,
  agencyCode: c.agencyCode,
  officialId: c.officialId,
  officialName: c.officialName,
  violationIds: c.violationIds,
  actDate: c.actDate,
  regime: c.regime,
  regimeReference: extra.regimeReference,
  category: c.category,
  isLeader: c.isLeader,
  severity: c.severity,
  isComplex: c.isComplex,
  isDutyRelated: c.isDutyRelated,
  status: c.status,
  waitingReason: c.waitingReason,
  openedAt: c.openedAt.toISOString(),
  handlingDue: c.handlingDue.toISOString(),
  calendarVersion: c.calendarVersion,
  isOverdue: extra.isOverdue,
  limitationUntil: c.limitationUntil,
  limitationRule: c.limitationRule,
  allowedForms: extra.allowedForms.map((f) => ({ code: f, label: FORM_LABELS[f as DisciplineForm] })),
  documents: c.documents,
  decisionForm: c.decisionForm,
  decisionFormLabel: c.decisionForm ? FORM_LABELS[c.decisionForm as DisciplineForm] : null,
  decisionNumber: c.decisionNumber,
  decidedAt: iso(c.decidedAt),
  complaintText: c.complaintText,
  complaintAt: iso(c.complaintAt),
  complaintStatus: c.complaintStatus,
  version: c.version,
});

const total = (g: string | null, t: string | null): number | null => (g === null || t === null ? null : totalScore(Number(g), Number(t)));

export const presentRating = (r: RatingRow) => ({
  id: r.id,
  agencyCode: r.agencyCode,
  officialId: r.officialId,
  officialName: r.officialName,
  year: r.year,
  regime: r.regime,
  status: r.status,
  self: { general: n(r.selfGeneral), task: n(r.selfTask), total: total(r.selfGeneral, r.selfTask), grade: r.selfGrade, comment: r.selfComment },
  manager: {
    general: n(r.managerGeneral),
    task: n(r.managerTask),
    total: total(r.managerGeneral, r.managerTask),
    grade: r.managerGrade,
    comment: r.managerComment,
  },
  finalGrade: r.finalGrade,
  finalGradeLabel: r.finalGrade ? GRADE_LABELS[r.finalGrade as Grade] : null,
  finalReason: r.finalReason,
  decidedAt: iso(r.decidedAt),
  version: r.version,
});
