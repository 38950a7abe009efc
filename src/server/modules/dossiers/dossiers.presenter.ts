import { readCollector } from './dossier.collector.js';
import { availableActions, DVCQG_STATUS_ID, type DossierStatus, type MachineView } from './dossier.state.js';
import type { DossierBase, DossierRow, HandoffRow, PublicDossierRow } from './dossiers.repo.js';
import type { MyNotificationRow, OutboxRow } from './outbox.repo.js';

const iso = (d: Date | null | undefined): string | null => (d ? d.toISOString() : null);
type EventRow = { action: string; fromStatus: string | null; toStatus: string; actorLabel: string; occurredAt: Date; data: Record<string, unknown> };
type DocRow = {
  id: string;
  procedureDocumentId: string | null;
  name: string;
  form: string;
  quantity: number;
  mime: string | null;
  size: number | null;
  sha256: string | null;
  stage: string;
};

export const machineView = (d: DossierBase): MachineView => ({
  status: d.status as DossierStatus,
  currentStep: d.currentStep,
  supplementStage: d.status === 'supplement_requested' ? (d.pauses.findLast((x) => !x.to)?.stage ?? 'intake') : null,
  hasUnpaidFees: d.feesDue > 0 && !d.feesPaidAt,
});

export const presentCreated = (d: Pick<DossierBase, 'code' | 'status' | 'receivedAt' | 'dueAt' | 'version' | 'supplementItems'>) => ({
  code: d.code,
  status: d.status,
  receivedAt: iso(d.receivedAt),
  dueAt: iso(d.dueAt),
  version: d.version,
  missingDocuments: d.supplementItems.map((i) => ({ procedureDocumentId: i.procedureDocumentId, name: i.name, reason: i.reason })),
});

export const presentSummary = (d: DossierRow, now = new Date(), dueSoonHours = 48) => {
  const due = d.dueAt?.getTime();
  const isOpen = !d.closedAt;
  return {
    code: d.code,
    status: d.status,
    channel: d.channel,
    procedureCode: d.procedureCode,
    procedureName: d.procedureName,
    applicantName: d.applicant.fullName,
    receivingAgencyName: d.receivingName,
    competentAgencyName: d.competentName,
    assigneeName: d.assigneeName,
    currentStep: d.currentStep,
    receivedAt: iso(d.receivedAt),
    dueAt: iso(d.dueAt),
    closedAt: iso(d.closedAt),
    isOverdue: isOpen && due !== undefined && due < now.getTime(),
    isDueSoon: isOpen && due !== undefined && due >= now.getTime() && due - now.getTime() <= dueSoonHours * 3600_000,
    isLate: d.isLate,
    hasApology: !!d.apologyIssuedAt,
    version: d.version,
  };
};

export const presentEvent = (e: EventRow, withActor: boolean) => ({
  action: e.action,
  fromStatus: e.fromStatus,
  toStatus: e.toStatus,
  at: e.occurredAt.toISOString(),
  ...(withActor ? { actor: e.actorLabel, note: typeof e.data.note === 'string' ? e.data.note : null } : {}),
});

export const presentHandoff = (h: HandoffRow) => ({
  step: h.h.step,
  from: h.fromUserName ?? h.fromAgencyName ?? null,
  fromAgency: h.fromAgencyName,
  to: h.toUserName ?? h.toAgencyName ?? null,
  toAgency: h.toAgencyName,
  stepStartedAt: h.h.stepStartedAt.toISOString(),
  stepDueAt: iso(h.h.stepDueAt),
  at: h.h.occurredAt.toISOString(),
  result: h.h.result,
});

export const presentDocument = (d: DocRow) => ({
  id: d.id,
  procedureDocumentId: d.procedureDocumentId,
  name: d.name,
  form: d.form,
  quantity: d.quantity,
  hasFile: !!d.sha256,
  mime: d.mime,
  size: d.size,
  sha256: d.sha256,
  stage: d.stage,
});

export interface ForwardAgency {
  code: string;
  name: string;
  role: 'competent' | 'coordinating';
  stepName: string | null;
}

/** Who collected the result: the last return step's record. */
function presentCollector(events: EventRow[]) {
  const ev = events.findLast((e) => e.action === 'return');
  const c = ev ? readCollector(ev.data) : null;
  return c && ev ? { ...c, at: ev.occurredAt.toISOString() } : null;
}

export function presentDetail(
  d: DossierRow,
  extra: { events: EventRow[]; handoffs: HandoffRow[]; documents: DocRow[]; actions: string[]; forwardAgencies: ForwardAgency[] },
) {
  return {
    ...presentSummary(d),
    statusId: DVCQG_STATUS_ID[d.status as DossierStatus],
    procedure: { code: d.procedureCode, name: d.procedureName, version: d.procedureVersion },
    receivingAgency: { code: d.receivingCode, name: d.receivingName },
    competentAgency: { code: d.competentCode, name: d.competentName },
    currentAgency: { code: d.currentCode, name: d.currentName },
    applicant: { ...d.applicant },
    submittedAt: d.submittedAt.toISOString(),
    originalDueAt: iso(d.originalDueAt),
    dueCalendarVersion: d.dueCalendarVersion,
    dueRule: d.dueRule ?? null,
    supplement: {
      intakeRequestedAt: iso(d.supplementIntakeAt),
      appraisalRequestedAt: iso(d.supplementAppraisalAt),
      items: d.supplementItems,
    },
    apology: d.apologyIssuedAt ? { issuedAt: d.apologyIssuedAt.toISOString(), reason: d.apologyReason ?? '' } : null,
    refusalReasons: d.refusalReasons,
    feesDue: d.feesDue,
    feesPaidAt: iso(d.feesPaidAt),
    assignedTo: d.assignedTo ? { id: d.assignedTo, name: d.assigneeName ?? '' } : null,
    closedAt: iso(d.closedAt),
    collector: presentCollector(extra.events),
    documents: extra.documents.map(presentDocument),
    timeline: extra.events.map((e) => presentEvent(e, true)),
    handoffs: extra.handoffs.map(presentHandoff),
    availableActions: extra.actions,
    forwardAgencies: extra.forwardAgencies,
  };
}

/** An instant as `toISOString()` writes it, in JSON; null stays null. */
const isoJson = (ms: number | null): string => (ms === null ? 'null' : `"${new Date(ms).toISOString()}"`);

/**
 * The public lookup's answer: status, timeline and due date; no personal data, no officer names.
 * JSON text, from the row `findPublicDossier` read (its timeline is already
 * JSON text). Its shape is the `PublicDossier` schema (a test checks it).
 */
export const presentPublicJson = (d: PublicDossierRow, names: ReadonlyMap<string, string>): string =>
  `{"code":${JSON.stringify(d.code)},"status":${JSON.stringify(d.status)},"statusId":${DVCQG_STATUS_ID[d.status as DossierStatus]},` +
  `"procedureName":${JSON.stringify(names.get(d.procedureId) ?? '')},"receivingAgencyName":${JSON.stringify(names.get(d.receivingAgencyId) ?? '')},` +
  `"competentAgencyName":${JSON.stringify(names.get(d.competentAgencyId) ?? '')},"submittedAt":${isoJson(d.submittedMs)},"receivedAt":${isoJson(d.receivedMs)},` +
  `"dueAt":${isoJson(d.dueMs)},"isLate":${d.isLate},"canRate":${d.canRate},"timeline":${d.timelineJson}}`;

export const actionsFor = (d: DossierBase) => availableActions(machineView(d));

export const presentNotification = (n: OutboxRow) => ({
  id: n.id,
  channel: n.channel,
  recipient: n.recipient,
  subject: n.subject,
  body: n.body,
  status: n.status,
  dossierId: n.dossierId,
  createdAt: n.createdAt.toISOString(),
  sentAt: n.sentAt?.toISOString() ?? null,
});

export const presentMyNotification = (n: MyNotificationRow) => ({
  ...presentNotification(n),
  dossierCode: n.dossierCode,
  readAt: n.readAt?.toISOString() ?? null,
});
