/**
 * The dossier step writer: one statement per step (see `writeStep`), split from dossiers.repo.ts,
 * which re-exports it.
 */
import { getTableColumns, getTableName } from 'drizzle-orm';
import { type DbOrTx, Params, queryPrepared } from '../../db/client.js';
import { dossier, dossierDocument, dossierEvent, dossierHandoff, notificationOutbox } from '../../db/schema/index.js';
import { type AuditAppend, auditCtesText } from '../../platform/audit.js';
import { CALENDAR_STAMP_SQL } from '../calendar/index.js';

type DossierInsert = typeof dossier.$inferInsert;

/** Stands for the sequence number in texts written before the code exists (four characters, like `0001`). */
export const PENDING_SEQ = '\uE000\uE000\uE000\uE000';

type EventInsert = typeof dossierEvent.$inferInsert;
type HandoffInsert = typeof dossierHandoff.$inferInsert;
type DocumentInsert = typeof dossierDocument.$inferInsert;
type OutboxInsert = typeof notificationOutbox.$inferInsert;

/** What a step writes besides the dossier row. */
export interface StepRecords {
  event: EventInsert;
  handoff?: HandoffInsert;
  documents: DocumentInsert[];
  outbox: OutboxInsert[];
  audit: AuditAppend;
}

/** A new dossier: its row (with its id) and the desk's daily counter that numbers it. */
export interface NewDossier {
  row: DossierInsert & { id: string };
  counter: { agencyId: string; day: string; prefix: string };
  /**
   * What the intake read from caches without checking: the statement writes nothing (and takes no
   * number) unless the procedure still has this version and, when given, the calendar this stamp.
   */
  guard: { procedureId: string; procedureVersion: number; calendarStamp: string | null };
}

/** Columns a step writes, by table (the others keep their defaults): the statement's text is constant. */
const STEP_COLUMNS = {
  event: ['dossierId', 'provinceCode', 'action', 'fromStatus', 'toStatus', 'actorId', 'actorLabel', 'agencyId', 'data', 'occurredAt'],
  handoff: ['dossierId', 'provinceCode', 'step', 'fromAgencyId', 'fromUserId', 'toAgencyId', 'toUserId', 'stepStartedAt', 'budgetHours', 'stepDueAt', 'result', 'note', 'occurredAt'],
  document: ['dossierId', 'provinceCode', 'procedureDocumentId', 'name', 'form', 'quantity', 'storageKey', 'sha256', 'mime', 'size', 'stage'],
  outbox: ['provinceCode', 'dossierId', 'channel', 'recipient', 'recipientUserId', 'subject', 'body'],
} as const;
/** A new dossier's columns: every one intake sets (the others keep their defaults). */
export const NEW_DOSSIER_COLUMNS = [
  'id', 'provinceCode', 'procedureId', 'procedureVersion', 'receivingAgencyId', 'competentAgencyId', 'currentAgencyId', 'channel', 'status', 'applicant', 'phoneTail',
  'applicantUserId', 'receivedBy', 'submittedAt', 'receivedAt', 'dueAt', 'originalDueAt', 'dueCalendarVersion', 'dueRule', 'supplementIntakeAt', 'supplementItems', 'pauses',
  'refusalReasons', 'currentStep', 'stepStartedAt', 'feesDue', 'closedAt', 'version',
] as const satisfies readonly (keyof DossierInsert)[];

type AnyTable = typeof dossier | typeof dossierEvent | typeof dossierHandoff | typeof dossierDocument | typeof notificationOutbox;

/** Database column names of `keys` (drizzle's mapping, so the text follows the schema). */
const namesCache = new Map<readonly string[], string[]>();
const columnNames = (table: AnyTable, keys: readonly string[]): string[] => {
  let names = namesCache.get(keys);
  if (!names) {
    const columns = getTableColumns(table) as Record<string, { name: string }>;
    names = keys.map((k) => columns[k].name);
    namesCache.set(keys, names);
  }
  return names;
};

/** Rows as a JSON array keyed by column name, for `json_populate_recordset`. */
const jsonRows = (table: AnyTable, keys: readonly string[], rows: readonly object[]): string => {
  const names = columnNames(table, keys);
  return JSON.stringify(rows.map((r) => Object.fromEntries(keys.map((k, i) => [names[i], (r as Record<string, unknown>)[k] ?? null]))));
};

/** `insert into t (cols) select cols from json_populate_recordset(null::t, $n)`, with per-column SQL where given. */
const insertFromJson = (table: AnyTable, keys: readonly string[], param: string, where: string, expr: Record<string, (col: string) => string> = {}): string => {
  const names = columnNames(table, keys);
  const name = getTableName(table);
  return `insert into ${name} (${names.join(', ')}) select ${names.map((n) => (expr[n] ? expr[n](`r.${n}`) : `r.${n}`)).join(', ')} from json_populate_recordset(null::${name}, ${param}) r${where}`;
};

/**
 * A step's records in ONE statement (data-modifying CTEs commit or fail together), as a named
 * prepared statement: rows travel as JSON arrays, so the text is the same for every step (one for
 * intake, one for the others) and PostgreSQL plans it once per connection. With `created`, the
 * dossier is inserted too, numbered by the desk's daily counter in the same statement: texts
 * written before (notifications) carry `<prefix>` + PENDING_SEQ, replaced by the code in SQL, and
 * the audit entry names the code the statement took. Run outside a transaction, an intake is one
 * round trip and holds the counter and the audit head only while the statement runs and commits;
 * a failed statement takes no number, so codes stay gapless (Circular 01/2018 Art. 19). An intake
 * whose guard fails writes nothing. Returns the dossier's code (undefined: the guard failed).
 */
export async function writeStep(db: DbOrTx, records: StepRecords, created?: NewDossier): Promise<string | undefined> {
  const p = new Params();
  const ctes: string[] = [];
  let code: string;
  if (created) {
    const { agencyId, day, prefix } = created.counter;
    const { procedureId, procedureVersion, calendarStamp } = created.guard;
    const stamp = p.add(calendarStamp, 'text');
    ctes.push(
      `guard as (select 1 where exists (select 1 from procedure where id = ${p.add(procedureId, 'uuid')} and version = ${p.add(procedureVersion, 'int')} and is_active)
        and (${stamp} is null or ${CALENDAR_STAMP_SQL} = ${stamp}))`,
      `seq as (insert into dossier_sequence (agency_id, day, last_value) select ${p.add(agencyId, 'uuid')}, ${p.add(day, 'date')}, 1 from guard
        on conflict (agency_id, day) do update set last_value = dossier_sequence.last_value + 1 returning last_value)`,
      `num as (select ${p.add(prefix, 'text')} || lpad(last_value::text, greatest(4, length(last_value::text)), '0') as code from seq)`,
      `d as (insert into dossier (code, ${columnNames(dossier, NEW_DOSSIER_COLUMNS).join(', ')})
        select num.code, ${columnNames(dossier, NEW_DOSSIER_COLUMNS).map((n) => `r.${n}`).join(', ')}
        from json_populate_record(null::dossier, ${p.add(jsonRows(dossier, NEW_DOSSIER_COLUMNS, [created.row]).slice(1, -1), 'json')}) r, num returning code)`,
    );
    code = '(select code from d)';
  } else {
    code = p.add(records.audit.entityId, 'text');
  }
  const pending = p.add(created ? `${created.counter.prefix}${PENDING_SEQ}` : '', 'text');
  const withCode = (col: string) => `replace(${col}, ${pending}, ${code})`;
  // With a new dossier, every row depends on it: a failed guard writes nothing at all.
  const gate = created ? ' where exists (select 1 from d)' : '';
  ctes.push(`ev as (${insertFromJson(dossierEvent, STEP_COLUMNS.event, p.add(jsonRows(dossierEvent, STEP_COLUMNS.event, [records.event]), 'json'), gate)})`);
  ctes.push(`ho as (${insertFromJson(dossierHandoff, STEP_COLUMNS.handoff, p.add(jsonRows(dossierHandoff, STEP_COLUMNS.handoff, records.handoff ? [records.handoff] : []), 'json'), gate)})`);
  ctes.push(`docs as (${insertFromJson(dossierDocument, STEP_COLUMNS.document, p.add(jsonRows(dossierDocument, STEP_COLUMNS.document, records.documents), 'json'), gate)})`);
  ctes.push(`ob as (${insertFromJson(notificationOutbox, STEP_COLUMNS.outbox, p.add(jsonRows(notificationOutbox, STEP_COLUMNS.outbox, records.outbox), 'json'), gate, { subject: withCode, body: withCode })})`);
  ctes.push(auditCtesText(p, { ...records.audit, entityIdSql: code }, created ? 'd' : undefined));
  const rows = await queryPrepared<{ code: string }>(db, `with ${ctes.join(',\n')} select ${created ? 'code from d' : `${code} as code`}`, p.values);
  return rows[0]?.code;
}
