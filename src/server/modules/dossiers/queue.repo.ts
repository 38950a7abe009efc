/**
 * The work queues and the staff search: every list of dossiers a member of staff (or a citizen,
 * their own) reads, filtered by the caller's agencies, paginated by keyset.
 */
import { and, asc, desc, eq, gte, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { dossier } from '../../db/schema/index.js';
import { type DossierRow, flatten, selectJoined } from './dossiers.repo.js';

export type QueueScope = 'mine' | 'unit' | 'late' | 'returned' | 'all' | 'applicant';

export interface QueueFilter {
  scope: QueueScope;
  userId: string | null;
  agencyIds: string[];
  /** For `mine`: agencies where the caller is a leader, whose dossiers wait for him to assign or approve. */
  leaderAgencyIds?: string[];
  statuses?: string[];
  /** `searchTerm()` of the staff search: the code's start, the applicant's name (accent-insensitive) or ID number. */
  term?: string;
  /** For `returned`: returned at or after `from`, before `to` (instants). */
  closedFrom?: Date;
  closedTo?: Date;
  after?: [string | null, string];
  limit: number;
}

const NO_USER = '00000000-0000-0000-0000-000000000000';

/** The sort of a queue and the instant its cursor carries: due time first, or newest first. */
export function queueOrder(scope: QueueScope): 'due' | 'closed' | 'submitted' {
  return scope === 'returned' ? 'closed' : scope === 'all' ? 'submitted' : 'due';
}

/** What waits for a leader: dossiers received by his agency and not yet assigned, and those sent to him for approval. */
function leaderWork(leaderAgencyIds: string[]): SQL | undefined {
  if (!leaderAgencyIds.length) return undefined;
  return or(
    and(inArray(dossier.status, ['received', 'processing']), eq(dossier.currentStep, 'assign'), inArray(dossier.currentAgencyId, leaderAgencyIds)),
    and(eq(dossier.status, 'processing'), eq(dossier.currentStep, 'approve'), inArray(dossier.competentAgencyId, leaderAgencyIds)),
  );
}

function matchesTerm(term: string): SQL {
  return or(
    sql`${dossier.code} like upper(${term}) || '%'`,
    sql`f_unaccent(lower(${dossier.applicant}->>'fullName')) like '%' || f_unaccent(${term}) || '%'`,
    sql`(${dossier.applicant}->>'idNumber') = upper(${term})`,
  )!;
}

export async function listQueue(db: DbOrTx, f: QueueFilter): Promise<DossierRow[]> {
  if (f.scope !== 'applicant' && f.agencyIds.length === 0) return [];
  const me = f.userId ?? NO_USER;
  const inScope =
    f.scope === 'applicant'
      ? eq(dossier.applicantUserId, me)
      : or(inArray(dossier.receivingAgencyId, f.agencyIds), inArray(dossier.competentAgencyId, f.agencyIds), inArray(dossier.currentAgencyId, f.agencyIds));
  const order = queueOrder(f.scope);
  const due = sql`coalesce(${dossier.dueAt}, 'infinity'::timestamptz)`;
  const at = order === 'closed' ? dossier.closedAt : dossier.submittedAt;
  const where = [
    inScope,
    f.scope === 'mine' ? or(eq(dossier.assignedTo, me), leaderWork(f.leaderAgencyIds ?? [])) : undefined,
    f.scope === 'late' ? and(isNull(dossier.closedAt), or(eq(dossier.isLate, true), lt(dossier.dueAt, sql`now()`))) : undefined,
    f.scope === 'mine' || f.scope === 'unit' ? isNull(dossier.closedAt) : undefined,
    f.scope === 'returned' ? eq(dossier.status, 'returned') : undefined,
    f.scope === 'returned' && f.closedFrom ? gte(dossier.closedAt, f.closedFrom) : undefined,
    f.scope === 'returned' && f.closedTo ? lt(dossier.closedAt, f.closedTo) : undefined,
    f.statuses?.length ? inArray(dossier.status, f.statuses) : undefined,
    f.term ? matchesTerm(f.term) : undefined,
    f.after
      ? order === 'due'
        ? sql`(${due}, ${dossier.id}) > (coalesce(${f.after[0]}::timestamptz, 'infinity'::timestamptz), ${f.after[1]}::uuid)`
        : sql`(${at}, ${dossier.id}) < (${f.after[0]}::timestamptz, ${f.after[1]}::uuid)`
      : undefined,
  ].filter(Boolean) as SQL[];
  const rows = await selectJoined(db)
    .where(and(...where))
    .orderBy(...(order === 'due' ? [due, asc(dossier.id)] : [desc(at), desc(dossier.id)]))
    .limit(f.limit + 1);
  return rows.map(flatten);
}

/** The cursor key of a row in its queue's order. */
export function queueKey(scope: QueueScope, r: DossierRow): [string | null, string] {
  const order = queueOrder(scope);
  const at = order === 'due' ? r.dueAt : order === 'closed' ? r.closedAt : r.submittedAt;
  return [at?.toISOString() ?? null, r.id];
}
