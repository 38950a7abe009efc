/**
 * The transition engine and the reads. Every action: check state (dossier.state) and authority
 * (dossiers.policy), compute what changes, then in ONE transaction write the change with an
 * optimistic version check, its dossier_event, the control-sheet row, the audit entry and the
 * outbox notifications. The loser of a race gets 409 VERSION_CONFLICT.
 */
import type { AppContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { agencyStream } from '../../platform/audit.js';
import { AppError } from '../../platform/errors.js';
import { vnMidnight } from '../../../shared/vn-time.js';
import { decodeKey, searchTerm, toPage } from '../../platform/pagination.js';
import { actorOf, agencyScope, hasRole, type Principal } from '../../platform/principal.js';
import { orVersionConflict, versionConflict } from '../../platform/versioned.js';
import { classifyStepTiming } from './documents/index.js';
import { type CatalogProcedure, findProcedureById } from '../procedures/index.js';
import { org } from '../org/index.js';
import { dossierDueDate, stepDueDate } from './dossier.deadline.js';
import { forwardTargets } from './dossier.forwarding.js';
import { applicantMessages, staffMessages } from './dossier.notify.js';
import { ruleSetAt } from './dossier.rules.js';
import { asCoordinator, decide, type DossierAction, type DossierStatus, isPermitted, type Permit } from './dossier.state.js';
import * as policy from './dossiers.policy.js';
import { actionsFor, machineView, presentDetail, presentSummary } from './dossiers.presenter.js';
import * as repo from './dossiers.repo.js';
import * as queueRepo from './queue.repo.js';

export type P = Principal | null;
type HandoffInsert = repo.HandoffInsert;
type DocumentInsert = repo.DocumentInsert;

const DOSSIER_CHANGED = 'Hồ sơ vừa được người khác cập nhật; hãy tải lại và thử lại.';

export async function procedureOf(ctx: AppContext, d: repo.DossierBase): Promise<CatalogProcedure> {
  const proc = await findProcedureById(ctx.db, d.procedureId);
  if (!proc) throw new AppError('INTERNAL', 'Thủ tục của hồ sơ không còn tồn tại.');
  return proc;
}

/** The deadline of the step now ending (its start + its budget in the procedure's unit). */
export async function stepDueAt(ctx: AppContext, proc: CatalogProcedure, step: string, startedAt: Date): Promise<Date | null> {
  const s = proc.steps.find((x) => x.code === step);
  if (!s) return null;
  return (await stepDueDate(ctx, { from: startedAt, amount: s.budget, unit: proc.timeLimit.unit, province: proc.provinceCode })).due;
}

/** A control-sheet row for the step that ends now. */
export async function handoff(
  ctx: AppContext,
  proc: CatalogProcedure,
  d: Pick<repo.DossierBase, 'stepStartedAt'>,
  now: Date,
  row: { step: string; fromAgencyId?: string | null; fromUserId?: string | null; toAgencyId?: string | null; toUserId?: string | null; note?: string },
): Promise<Omit<HandoffInsert, 'dossierId' | 'provinceCode'>> {
  const due = await stepDueAt(ctx, proc, row.step, d.stepStartedAt);
  const budget = proc.steps.find((x) => x.code === row.step)?.budget;
  return {
    ...row,
    stepStartedAt: d.stepStartedAt,
    budgetHours: budget === undefined ? null : Math.round(budget * (proc.timeLimit.unit === 'working_hours' ? 1 : 8)),
    stepDueAt: due,
    result: due ? classifyStepTiming(now, due) : null,
    occurredAt: now,
  };
}

/** The due time of a dossier received at `from`, with the rule that produced it. */
export async function computeDossierDue(ctx: AppContext, proc: CatalogProcedure, from: Date, pauses: { from: Date; to: Date }[] = []) {
  const { due, calendarVersion, sameDay } = await dossierDueDate(ctx, {
    from,
    amount: proc.timeLimit.amount,
    unit: proc.timeLimit.unit,
    pauses,
    province: proc.provinceCode,
  });
  const rules = ruleSetAt(from);
  return {
    dueAt: due,
    dueCalendarVersion: calendarVersion,
    dueRule: {
      amount: proc.timeLimit.amount,
      unit: proc.timeLimit.unit,
      ruleSet: rules.id,
      procedureRuleVersion: proc.ruleVersion,
      from: from.toISOString(),
      ...(sameDay ? { sameDay } : {}),
    },
  };
}

export interface Plan {
  set?: Partial<repo.DossierInsert>;
  data?: Record<string, unknown>;
  /** Kept on the dossier's event only, not in the audit chain (personal data, e.g. who collected the result). */
  eventData?: Record<string, unknown>;
  handoff?: Omit<HandoffInsert, 'dossierId' | 'provinceCode'>;
  documents?: Omit<DocumentInsert, 'dossierId' | 'provinceCode'>[];
  applicantSubject?: string;
  applicantExtra?: string;
  staff?: { users: { id: string; email: string | null }[]; subject: string; body: string };
}

export interface ActionInput {
  d: repo.DossierRow;
  principal: Principal;
  to: DossierStatus;
  now: Date;
}

/** Run one action on the dossier `code`: state, authority, version, then one transaction. */
export async function runTransition(
  ctx: AppContext,
  p: P,
  code: string,
  action: DossierAction,
  expectedVersion: number | undefined,
  plan: (i: ActionInput) => Promise<Plan>,
) {
  const d = await repo.findDossierByCode(ctx.db, code);
  const { principal } = policy.requireReader(p, d);
  const dossier = d!;
  const decision = decide(action, machineView(dossier));
  if (!decision.ok) throw AppError.rule('INVALID_TRANSITION', decision.reason, { status: dossier.status, action });
  const holds = (permit: Permit) => policy.holdsPermit(principal, dossier, permit);
  if (!isPermitted(decision.transition, holds)) {
    if (isPermitted(asCoordinator(decision.transition), holds)) {
      throw new AppError(
        'NOT_DOSSIER_OWNER',
        `Cơ quan phối hợp không được thực hiện "${action}": chỉ ${dossier.competentName} (cơ quan chủ trì giải quyết) được quyết định hồ sơ này.`,
        { extra: { action, competentAgency: dossier.competentCode } },
      );
    }
    throw AppError.forbidden('Bạn không có quyền thực hiện thao tác này trên hồ sơ.');
  }
  if (expectedVersion !== undefined && expectedVersion !== dossier.version) throw versionConflict(DOSSIER_CHANGED);
  const now = new Date();
  const planned = await plan({ d: dossier, principal, to: decision.to, now });
  const auditAgency =
    action === 'receive' || action === 'return' || (dossier.status === 'submitted' && dossier.currentStep === 'receive')
      ? dossier.receivingCode
      : dossier.competentCode;
  return ctx.db.transaction(async (tx) => {
    const updated = orVersionConflict(await repo.updateDossier(tx, dossier.id, dossier.version, { status: decision.to, ...planned.set }), DOSSIER_CHANGED);
    await writeSideEffects(tx, updated, {
      action,
      fromStatus: dossier.status,
      principal,
      plan: planned,
      auditAgency,
      now,
      publicBaseUrl: ctx.config.publicBaseUrl,
    });
    return {
      code: updated.code,
      status: updated.status,
      version: updated.version,
      receivedAt: updated.receivedAt?.toISOString() ?? null,
      dueAt: updated.dueAt?.toISOString() ?? null,
      currentStep: updated.currentStep,
    };
  });
}

export interface SideEffectsOptions {
  action: string;
  fromStatus: string | null;
  principal: Principal | null;
  plan: Plan;
  auditAgency: string;
  now: Date;
  publicBaseUrl?: string;
}

const actorOfStep = (o: SideEffectsOptions) => (o.principal ? actorOf(o.principal) : { userId: null, label: 'system' });

/** The dossier fields a step's records are built from. */
export type StepDossier = Pick<
  repo.DossierBase,
  | 'id'
  | 'code'
  | 'provinceCode'
  | 'status'
  | 'version'
  | 'receivingAgencyId'
  | 'competentAgencyId'
  | 'currentAgencyId'
  | 'dueAt'
  | 'applicant'
  | 'applicantUserId'
>;

/** A step's event, control-sheet row, documents, notifications and audit entry: rows keyed by the dossier's id. */
export function stepRecords(d: StepDossier, o: SideEffectsOptions): repo.StepRecords {
  const actor = actorOfStep(o);
  const scope = o.principal ? [...agencyScope(o.principal, 'counter_officer', 'processing_officer', 'leader')] : [];
  const agencyId = [d.receivingAgencyId, d.competentAgencyId, d.currentAgencyId].find((id) => scope.includes(id)) ?? null;
  return {
    event: {
      dossierId: d.id,
      provinceCode: d.provinceCode,
      action: o.action,
      fromStatus: o.fromStatus,
      toStatus: d.status,
      actorId: actor.userId,
      actorLabel: actor.label,
      agencyId,
      data: { ...o.plan.data, ...o.plan.eventData },
      occurredAt: o.now,
    },
    handoff: o.plan.handoff ? { ...o.plan.handoff, dossierId: d.id, provinceCode: d.provinceCode } : undefined,
    documents: (o.plan.documents ?? []).map((x) => ({ ...x, dossierId: d.id, provinceCode: d.provinceCode })),
    outbox: [
      ...(o.plan.applicantSubject ? applicantMessages(d, o.plan.applicantSubject, o.plan.applicantExtra, o.publicBaseUrl) : []),
      ...(o.plan.staff ? staffMessages(d, o.plan.staff.users, o.plan.staff.subject, o.plan.staff.body) : []),
    ],
    audit: {
      stream: agencyStream(o.auditAgency),
      actor,
      action: `dossier.${o.action}`,
      entityType: 'dossier',
      entityId: d.code,
      provinceCode: d.provinceCode,
      data: { from: o.fromStatus, to: d.status, version: d.version, ...(o.plan.data ?? {}) },
    },
  };
}

/** Event, control-sheet row, documents, outbox and audit of a step on an existing dossier: one statement. */
export async function writeSideEffects(db: DbOrTx, d: StepDossier, o: SideEffectsOptions): Promise<void> {
  await repo.writeStep(db, stepRecords(d, o));
}

// ── Reads ─────────────────────────────────────────────────────────────────────────────────────
/** The dossier with its timeline; a staff read is written to the access log (once per `visit` of the web page). */
export async function getDossier(ctx: AppContext, p: P, code: string, visit?: string) {
  const d = await repo.findDossierByCode(ctx.db, code);
  const { principal, isStaff } = policy.requireReader(p, d);
  const dossier = d!;
  if (isStaff) await logStaffRead(ctx.db, principal, dossier, 'Xem hồ sơ', visit);
  const [events, handoffs, documents] = await Promise.all([
    repo.listEvents(ctx.db, dossier.id),
    repo.listHandoffs(ctx.db, dossier.id),
    repo.listDocuments(ctx.db, dossier.id),
  ]);
  const actions = actionsFor(dossier).filter((a) => {
    const decision = decide(a, machineView(dossier));
    return decision.ok && isPermitted(decision.transition, (permit) => policy.holdsPermit(principal, dossier, permit));
  });
  return presentDetail(dossier, {
    events,
    handoffs,
    documents,
    actions,
    forwardAgencies: actions.includes('forward') ? await forwardAgenciesOf(ctx, dossier) : [],
  });
}

/** The agencies the web app's forward action offers: the procedure's participants, with names. */
async function forwardAgenciesOf(ctx: AppContext, d: repo.DossierRow) {
  const targets = forwardTargets(await procedureOf(ctx, d), d);
  const agencies = await org.agenciesByIds(
    ctx.db,
    targets.map((t) => t.agencyId),
  );
  return targets.flatMap((t) => {
    const a = agencies.find((x) => x.id === t.agencyId);
    return a ? [{ code: a.code, name: a.name, role: t.role, stepName: t.stepName }] : [];
  });
}

/** A staff read of the dossier's personal data; with `visitId`, the first read of that visit only. */
export async function logStaffRead(db: DbOrTx, principal: Principal, d: repo.DossierRow, purpose: string, visitId?: string): Promise<void> {
  const scope = agencyScope(principal, ...policy.READER_ROLES);
  const agencyId = [d.receivingAgencyId, d.competentAgencyId, d.currentAgencyId].find((id) => scope.has(id)) ?? null;
  await repo.logAccess(db, {
    actorId: principal.userId,
    actorLabel: principal.label,
    agencyId,
    entityType: 'dossier',
    entityId: d.id,
    purpose,
    fields: 5,
    visitId: visitId ?? null,
  });
}

/** Who opened the dossier and when: for its applicant (and the staff who may read it). */
export async function accessLogOf(ctx: AppContext, p: P, code: string) {
  const d = await repo.findDossierByCode(ctx.db, code);
  policy.requireReader(p, d);
  const rows = await repo.listAccess(ctx.db, d!.id);
  return { items: rows.map((r) => ({ at: r.at.toISOString(), who: r.actorLabel, agency: r.agencyName ?? null, purpose: r.purpose })) };
}

export interface QueueArgs {
  queue?: 'mine' | 'unit' | 'late' | 'returned' | 'all';
  status?: string;
  q?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

/**
 * Work queues ordered by due time (`returned` by return time, `all`, the staff search, newest first);
 * citizens get their own dossiers whatever the queue asked. A leader's `mine` holds what waits for
 * him too: his agencies' dossiers not yet assigned and those sent to him for approval.
 */
export async function listDossiers(ctx: AppContext, p: P, q: QueueArgs) {
  if (!p) throw new AppError('UNAUTHENTICATED', 'Bạn cần đăng nhập.');
  const limit = q.limit ?? 50;
  const [afterAt, afterId] = decodeKey<[string | null, string]>(q.cursor, ['nullable-timestamp', 'uuid']) ?? [null, ''];
  const after: [string | null, string] | undefined = afterId ? [afterAt, afterId] : undefined;
  const statuses = q.status ? q.status.split(',').filter(Boolean) : undefined;
  const isStaff = hasRole(p, ...policy.READER_ROLES);
  if (!isStaff && !hasRole(p, 'citizen')) throw AppError.forbidden();
  const scope = isStaff ? (q.queue ?? 'unit') : 'applicant';
  const agencyIds = isStaff ? [...agencyScope(p, ...policy.READER_ROLES)] : [];
  const closed = scope === 'returned' ? returnedRange(q.from, q.to) : {};
  const rows = await queueRepo.listQueue(ctx.db, {
    scope,
    userId: p.userId,
    agencyIds,
    leaderAgencyIds: scope === 'mine' ? [...agencyScope(p, 'leader')] : undefined,
    statuses,
    term: isStaff ? searchTerm(q.q) : undefined,
    ...closed,
    after,
    limit,
  });
  const now = new Date();
  const dueSoon = ruleSetAt(now).dueSoonHours;
  return toPage(
    rows,
    limit,
    (r) => presentSummary(r, now, dueSoon),
    (r) => queueRepo.queueKey(scope, r),
  );
}

/** The returned list's days (Vietnam dates, both included) as instants. */
function returnedRange(from: string | undefined, to: string | undefined): { closedFrom?: Date; closedTo?: Date } {
  if (from && to && from > to) throw AppError.validation('to', 'Ngày kết thúc phải từ ngày bắt đầu trở đi.');
  return {
    closedFrom: from ? vnMidnight(from) : undefined,
    closedTo: to ? new Date(vnMidnight(to).getTime() + 86_400_000) : undefined,
  };
}

/** Staff who should hear about a dossier: its leaders and its responsible officer. */
export async function leadersAndOfficer(db: DbOrTx, d: repo.DossierBase) {
  const leaders = await org.usersWithRole(db, d.competentAgencyId, ['leader']);
  const officer = d.assignedTo ? await org.findUser(db, d.assignedTo) : undefined;
  const all = [...leaders, ...(officer ? [officer] : [])];
  return all.filter((u, i) => all.findIndex((x) => x.id === u.id) === i);
}
