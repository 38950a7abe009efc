import { and, asc, desc, eq, getTableColumns, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type DbOrTx, queryPrepared } from '../../db/client.js';
import { updateVersioned } from '../../platform/versioned.js';
import {
  accessLog,
  agency,
  dossier,
  dossierDocument,
  dossierEvent,
  dossierHandoff,
  dossierLookupGuard,
  dossierRating,
  notificationOutbox,
  procedure,
  procedureDocument,
  roleAssignment,
  userAccount,
} from '../../db/schema/index.js';

export type DossierInsert = typeof dossier.$inferInsert;
export type HandoffInsert = typeof dossierHandoff.$inferInsert;
export type DocumentInsert = typeof dossierDocument.$inferInsert;
/** A dossier as the services read it: every column but the public lookup's timeline (read by `findPublicDossier` alone). */
export type DossierBase = Omit<typeof dossier.$inferSelect, 'publicTimeline'>;
const { publicTimeline: _lookupOnly, ...dossierColumns } = getTableColumns(dossier);

const receiving = alias(agency, 'receiving');
const competent = alias(agency, 'competent');
const current = alias(agency, 'current_agency');
const assignee = alias(userAccount, 'assignee');

const joinedColumns = {
  d: dossierColumns,
  receivingCode: receiving.code,
  receivingName: receiving.name,
  competentCode: competent.code,
  competentName: competent.name,
  currentCode: current.code,
  currentName: current.name,
  procedureCode: procedure.code,
  procedureName: procedure.name,
  assigneeName: assignee.displayName,
};
export type DossierRow = DossierBase & {
  receivingCode: string;
  receivingName: string;
  competentCode: string;
  competentName: string;
  currentCode: string;
  currentName: string;
  procedureCode: string;
  procedureName: string;
  assigneeName: string | null;
};

/** Dossiers with their agencies', procedure's and assignee's names (the queues in queue.repo.ts read it too). */
export const selectJoined = (db: DbOrTx) =>
  db
    .select(joinedColumns)
    .from(dossier)
    .innerJoin(receiving, eq(receiving.id, dossier.receivingAgencyId))
    .innerJoin(competent, eq(competent.id, dossier.competentAgencyId))
    .innerJoin(current, eq(current.id, dossier.currentAgencyId))
    .innerJoin(procedure, eq(procedure.id, dossier.procedureId))
    .leftJoin(assignee, eq(assignee.id, dossier.assignedTo));

export const flatten = (r: { d: DossierBase } & Omit<DossierRow, keyof DossierBase>): DossierRow => {
  const { d, ...rest } = r;
  return { ...d, ...rest };
};

/**
 * Hot reads run as named prepared statements: built once per database handle (no query building
 * per call) and planned once per connection by PostgreSQL (the joins cost more to plan than to run).
 */
function preparedOn<T>(cache: WeakMap<DbOrTx, T>, db: DbOrTx, build: (db: DbOrTx) => T): T {
  let q = cache.get(db);
  if (!q) {
    q = build(db);
    cache.set(db, q);
  }
  return q;
}

const byCode = (db: DbOrTx) =>
  selectJoined(db)
    .where(eq(dossier.code, sql.placeholder('code')))
    .prepare('dossier_by_code');
const byCodeCache = new WeakMap<DbOrTx, ReturnType<typeof byCode>>();

export async function findDossierByCode(db: DbOrTx, code: string): Promise<DossierRow | undefined> {
  const [r] = await preparedOn(byCodeCache, db, byCode).execute({ code });
  return r ? flatten(r) : undefined;
}

/** Timestamps as JavaScript's `toISOString()` writes them (UTC, milliseconds, `Z`). */
const MS = (col: string) => `floor(extract(epoch from ${col}) * 1000)::float8`;

/**
 * The public lookup: ONE prepared statement on the dossier row alone (no joins: names come from
 * `publicNames`; the timeline, oldest first with no actors, is kept on the row as JSON by a trigger
 * on dossier_event, migration 0017). Instants come as epoch milliseconds and the timeline as JSON
 * text, so the server neither parses nor re-serializes the answer (`presentPublicJson`).
 */
const PUBLIC_BY_CODE = `select d.code, d.province_code, d.phone_tail, d.check_code, d.status, d.procedure_id, d.receiving_agency_id, d.competent_agency_id,
  exists (select 1 from dossier_lookup_guard g where g.code = d.code and g.locked_until > now()) as locked,
  ${MS('d.submitted_at')} as submitted_ms, ${MS('d.received_at')} as received_ms, ${MS('d.due_at')} as due_ms, d.is_late,
  d.status = 'returned' and not exists (select 1 from dossier_rating x where x.dossier_id = d.id) as can_rate,
  d.public_timeline::text as timeline
  from dossier d where d.code = $1::text`;

export interface PublicDossierRow {
  code: string;
  provinceCode: string;
  phoneTail: string;
  checkCode: string;
  status: string;
  procedureId: string;
  receivingAgencyId: string;
  competentAgencyId: string;
  isLookupLocked: boolean;
  submittedMs: number;
  receivedMs: number | null;
  dueMs: number | null;
  isLate: boolean;
  canRate: boolean;
  /** The timeline as JSON text (an array). */
  timelineJson: string;
}

interface PublicDbRow {
  code: string;
  province_code: string;
  phone_tail: string;
  check_code: string;
  status: string;
  procedure_id: string;
  receiving_agency_id: string;
  competent_agency_id: string;
  locked: boolean;
  submitted_ms: number;
  received_ms: number | null;
  due_ms: number | null;
  is_late: boolean;
  can_rate: boolean;
  timeline: string;
}

export async function findPublicDossier(db: DbOrTx, code: string): Promise<PublicDossierRow | undefined> {
  const [r] = await queryPrepared<PublicDbRow>(db, PUBLIC_BY_CODE, [code]);
  return (
    r && {
      code: r.code,
      provinceCode: r.province_code,
      phoneTail: r.phone_tail,
      checkCode: r.check_code,
      status: r.status,
      procedureId: r.procedure_id,
      receivingAgencyId: r.receiving_agency_id,
      competentAgencyId: r.competent_agency_id,
      isLookupLocked: r.locked,
      submittedMs: r.submitted_ms,
      receivedMs: r.received_ms,
      dueMs: r.due_ms,
      isLate: r.is_late,
      canRate: r.can_rate,
      timelineJson: r.timeline,
    }
  );
}

/**
 * Names of agencies and procedures by id, for the public lookup: kept a minute in process (a
 * renamed agency shows its new name within a minute), so the hot lookup joins nothing.
 */
const NAME_TTL_MS = 60_000;
const nameCache = new Map<string, { name: string; until: number }>();

export async function publicNames(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  const now = Date.now();
  const names = new Map<string, string>();
  const missing: string[] = [];
  for (const id of ids) {
    const hit = nameCache.get(id);
    if (hit && hit.until > now) names.set(id, hit.name);
    else missing.push(id);
  }
  if (missing.length) {
    const rows = await queryPrepared<{ id: string; name: string }>(
      db,
      'select id, name from agency where id = any($1::uuid[]) union all select id, name from procedure where id = any($1::uuid[])',
      [missing],
    );
    if (nameCache.size > 20_000) nameCache.clear();
    for (const r of rows) {
      names.set(r.id, r.name);
      nameCache.set(r.id, { name: r.name, until: now + NAME_TTL_MS });
    }
  }
  return names;
}

export { type DeskCounter, NEW_DOSSIER_COLUMNS, type NewDossier, PENDING_SEQ, type StepRecords, writeIntakes, writeStep } from './dossiers.step.repo.js';

/** Optimistic update: only when the row still has `version`; undefined when someone else won. */
export const updateDossier = (tx: DbOrTx, id: string, version: number, set: Partial<DossierInsert>): Promise<DossierBase | undefined> =>
  updateVersioned<typeof dossier, DossierBase>(tx, dossier, id, version, { ...set, updatedAt: sql`now()` }, { columns: dossierColumns });

export async function insertEvent(tx: DbOrTx, row: typeof dossierEvent.$inferInsert): Promise<void> {
  await tx.insert(dossierEvent).values(row);
}

/** The timeline; the actor is shown by display name when the actor is a user. */
export async function listEvents(db: DbOrTx, dossierId: string) {
  const rows = await db
    .select({ e: dossierEvent, name: userAccount.displayName })
    .from(dossierEvent)
    .leftJoin(userAccount, eq(userAccount.id, dossierEvent.actorId))
    .where(eq(dossierEvent.dossierId, dossierId))
    .orderBy(asc(dossierEvent.occurredAt), asc(dossierEvent.id));
  return rows.map((r) => ({ ...r.e, actorLabel: r.name ?? r.e.actorLabel }));
}

const fromAgency = alias(agency, 'from_agency');
const toAgency = alias(agency, 'to_agency');
const fromUser = alias(userAccount, 'from_user');
const toUser = alias(userAccount, 'to_user');
export async function listHandoffs(db: DbOrTx, dossierId: string) {
  return db
    .select({
      h: dossierHandoff,
      fromAgencyName: fromAgency.name,
      toAgencyName: toAgency.name,
      fromUserName: fromUser.displayName,
      toUserName: toUser.displayName,
    })
    .from(dossierHandoff)
    .leftJoin(fromAgency, eq(fromAgency.id, dossierHandoff.fromAgencyId))
    .leftJoin(toAgency, eq(toAgency.id, dossierHandoff.toAgencyId))
    .leftJoin(fromUser, eq(fromUser.id, dossierHandoff.fromUserId))
    .leftJoin(toUser, eq(toUser.id, dossierHandoff.toUserId))
    .where(eq(dossierHandoff.dossierId, dossierId))
    .orderBy(asc(dossierHandoff.occurredAt), asc(dossierHandoff.id));
}
export type HandoffRow = Awaited<ReturnType<typeof listHandoffs>>[number];

export async function listDocuments(db: DbOrTx, dossierId: string) {
  const rows = await db
    .select({ doc: dossierDocument, position: procedureDocument.position })
    .from(dossierDocument)
    .leftJoin(procedureDocument, eq(procedureDocument.id, dossierDocument.procedureDocumentId))
    .where(eq(dossierDocument.dossierId, dossierId))
    .orderBy(asc(dossierDocument.createdAt), asc(procedureDocument.position), asc(dossierDocument.name));
  return rows.map((r) => r.doc);
}

/** One document of the dossier (undefined when the id belongs to another dossier). */
export async function findDocument(db: DbOrTx, dossierId: string, documentId: string) {
  const [row] = await db
    .select()
    .from(dossierDocument)
    .where(and(eq(dossierDocument.dossierId, dossierId), eq(dossierDocument.id, documentId)))
    .limit(1);
  return row;
}

export async function insertOutbox(tx: DbOrTx, rows: (typeof notificationOutbox.$inferInsert)[]): Promise<void> {
  if (rows.length) await tx.insert(notificationOutbox).values(rows);
}

/** An agency by code when it is a one-stop desk: counter officers work there. */
export const findOneStopDesk = async (db: DbOrTx, code: string) =>
  (
    await db
      .select({ id: agency.id, code: agency.code, name: agency.name, provinceCode: agency.provinceCode, parentId: agency.parentId })
      .from(agency)
      .where(
        and(
          eq(agency.code, code),
          sql`exists (select 1 from ${roleAssignment} where ${roleAssignment.agencyId} = ${agency.id} and ${roleAssignment.role} = 'counter_officer')`,
        ),
      )
  )[0];

/** The one-stop desks (agencies where counter officers work) of the provinces, by province and name. */
export const listOneStopDesks = async (db: DbOrTx, provinceCodes: readonly string[]) =>
  provinceCodes.length
    ? db
        .select({ code: agency.code, name: agency.name, provinceCode: agency.provinceCode })
        .from(agency)
        .where(
          and(
            inArray(agency.provinceCode, [...provinceCodes]),
            sql`exists (select 1 from ${roleAssignment} where ${roleAssignment.agencyId} = ${agency.id} and ${roleAssignment.role} = 'counter_officer')`,
          ),
        )
        .orderBy(asc(agency.provinceCode), asc(agency.name))
    : [];

// ── Access log ────────────────────────────────────────────────────────────────────────────────
/** A read of personal data; a row with a `visitId` already logged for the same actor and record is not repeated. */
export async function logAccess(db: DbOrTx, row: typeof accessLog.$inferInsert): Promise<void> {
  const insert = db.insert(accessLog).values(row);
  await (row.visitId ? insert.onConflictDoNothing() : insert);
}

export async function listAccess(db: DbOrTx, dossierId: string) {
  return db
    .select({
      at: accessLog.occurredAt,
      actorLabel: sql<string>`coalesce(${userAccount.displayName}, ${accessLog.actorLabel})`,
      agencyName: agency.name,
      purpose: accessLog.purpose,
    })
    .from(accessLog)
    .leftJoin(agency, eq(agency.id, accessLog.agencyId))
    .leftJoin(userAccount, eq(userAccount.id, accessLog.actorId))
    .where(and(eq(accessLog.entityType, 'dossier'), eq(accessLog.entityId, dossierId)))
    .orderBy(desc(accessLog.occurredAt))
    .limit(500);
}

// ── Lateness sweep ────────────────────────────────────────────────────────────────────────────
/** Open dossiers past their due time, with the clock running and no flag yet. */
export async function findNewlyLate(db: DbOrTx, now: Date, limit = 200): Promise<DossierRow[]> {
  const rows = await selectJoined(db)
    .where(
      and(isNull(dossier.closedAt), eq(dossier.isLate, false), lt(dossier.dueAt, now), inArray(dossier.status, ['received', 'processing', 'awaiting_payment'])),
    )
    .orderBy(asc(dossier.dueAt))
    .limit(limit);
  return rows.map(flatten);
}

// ── Ratings ───────────────────────────────────────────────────────────────────────────────────
export async function insertRating(tx: DbOrTx, row: typeof dossierRating.$inferInsert): Promise<boolean> {
  const r = await tx.insert(dossierRating).values(row).onConflictDoNothing().returning({ id: dossierRating.id });
  return r.length > 0;
}

export type StatsDimension = 'officer' | 'counter' | 'agency' | 'procedure';
export async function satisfactionStats(db: DbOrTx, by: StatsDimension, agencyIds: string[]) {
  if (!agencyIds.length) return [];
  const inScope = or(inArray(dossierRating.receivingAgencyId, agencyIds), inArray(dossierRating.competentAgencyId, agencyIds));
  const satisfied = sql<string>`count(*) filter (where ${dossierRating.satisfaction} in ('very_satisfied', 'satisfied'))`;
  const total = sql<string>`count(*)`;
  if (by === 'officer') {
    const officer = sql<string>`unnest(${dossierRating.officerIds})`;
    const sub = db
      .select({ officerId: officer.as('officer_id'), satisfaction: dossierRating.satisfaction })
      .from(dossierRating)
      .where(inScope)
      .as('r');
    const rows = await db
      .select({
        key: sql<string>`${sub.officerId}::text`,
        label: userAccount.displayName,
        total: sql<string>`count(*)`,
        satisfied: sql<string>`count(*) filter (where ${sub.satisfaction} in ('very_satisfied', 'satisfied'))`,
      })
      .from(sub)
      .innerJoin(userAccount, eq(userAccount.id, sub.officerId))
      .groupBy(sub.officerId, userAccount.displayName)
      .orderBy(userAccount.displayName);
    return rows;
  }
  if (by === 'procedure') {
    return db
      .select({ key: procedure.code, label: procedure.name, total, satisfied })
      .from(dossierRating)
      .innerJoin(procedure, eq(procedure.id, dossierRating.procedureId))
      .where(inScope)
      .groupBy(procedure.code, procedure.name)
      .orderBy(procedure.code);
  }
  const col = by === 'counter' ? dossierRating.receivingAgencyId : dossierRating.competentAgencyId;
  return db
    .select({ key: agency.code, label: agency.name, total, satisfied })
    .from(dossierRating)
    .innerJoin(agency, eq(agency.id, col))
    .where(inScope)
    .groupBy(agency.code, agency.name)
    .orderBy(agency.code);
}

/** Officers who handled the dossier: the receiving officer and every actor of a staff event. */
export async function handlersOf(db: DbOrTx, dossierId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: dossierEvent.actorId })
    .from(dossierEvent)
    .innerJoin(userAccount, eq(userAccount.id, dossierEvent.actorId))
    .where(and(eq(dossierEvent.dossierId, dossierId), eq(userAccount.kind, 'official')));
  return rows.map((r) => r.id).filter((x): x is string => !!x);
}

// ── Tracking book ─────────────────────────────────────────────────────────────────────────────
export async function listForBook(db: DbOrTx, agencyIds: string[], from: Date, to: Date): Promise<DossierRow[]> {
  if (!agencyIds.length) return [];
  const rows = await selectJoined(db)
    .where(
      and(
        or(inArray(dossier.receivingAgencyId, agencyIds), inArray(dossier.competentAgencyId, agencyIds)),
        sql`coalesce(${dossier.receivedAt}, ${dossier.submittedAt}) >= ${from.toISOString()}::timestamptz`,
        sql`coalesce(${dossier.receivedAt}, ${dossier.submittedAt}) < ${to.toISOString()}::timestamptz`,
      ),
    )
    .orderBy(asc(dossier.code))
    .limit(20000);
  return rows.map(flatten);
}

export async function provinceName(db: DbOrTx, provinceCode: string): Promise<string> {
  const rows = await db.execute(sql`select name from administrative_unit where code = ${provinceCode}`);
  const name = (rows as unknown as { rows: { name: string }[] }).rows[0]?.name ?? '';
  return name.replace(/^(Tỉnh|Thành phố)\s+/u, '');
}

/** Flag one dossier late; no version bump (officers' actions are not disturbed); false when already flagged. */
export async function markLate(tx: DbOrTx, id: string, now: Date): Promise<DossierBase | undefined> {
  const [r] = await tx
    .update(dossier)
    .set({ isLate: true, lateFlaggedAt: now })
    .where(and(eq(dossier.id, id), eq(dossier.isLate, false)))
    .returning(dossierColumns);
  return r;
}

/** The provincial Public Administrative Service Center (Decree 118/2025): receives every procedure of the province. */
export async function findProvincialCenter(db: DbOrTx, provinceCode: string) {
  const [r] = await db
    .select({ id: agency.id, code: agency.code, name: agency.name, provinceCode: agency.provinceCode, parentId: agency.parentId })
    .from(agency)
    .where(and(eq(agency.provinceCode, provinceCode), sql`f_unaccent(lower(${agency.name})) like 'trung tam phuc vu hanh chinh cong%'`))
    .orderBy(asc(agency.code))
    .limit(1);
  return r;
}

export const LOOKUP_MAX_FAILURES = 10;
export const LOOKUP_WINDOW_MINUTES = 60;

/** Count a refused public check on a code (known or not); the tenth in an hour locks the code for an hour. */
export async function recordLookupFailure(db: DbOrTx, code: string): Promise<void> {
  const fresh = sql`${dossierLookupGuard.windowStartedAt} < now() - make_interval(mins => ${LOOKUP_WINDOW_MINUTES})`;
  const failures = sql`case when ${fresh} then 1 else ${dossierLookupGuard.failures} + 1 end`;
  await db
    .insert(dossierLookupGuard)
    .values({ code, failures: 1 })
    .onConflictDoUpdate({
      target: dossierLookupGuard.code,
      set: {
        failures,
        windowStartedAt: sql`case when ${fresh} then now() else ${dossierLookupGuard.windowStartedAt} end`,
        lockedUntil: sql`case when ${failures} >= ${LOOKUP_MAX_FAILURES} then now() + make_interval(mins => ${LOOKUP_WINDOW_MINUTES}) else ${dossierLookupGuard.lockedUntil} end`,
      },
    });
}
