/**
 * The dossier step writer: one statement per step (see `writeStep`), split from dossiers.repo.ts,
 * which re-exports it.
 */
import { getTableColumns, getTableName } from 'drizzle-orm';
import { type DbOrTx, Params, queryPrepared } from '../../db/client.js';
import { dossier, dossierDocument, dossierEvent, dossierHandoff, notificationOutbox } from '../../db/schema/index.js';
import { type AuditAppend, auditCtesText } from '../../platform/audit.js';
import { calendarStampSql } from '../calendar/index.js';

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

/** A new dossier: its row (with its id), its step's records, and what its intake read unchecked. */
export interface NewDossier {
  row: DossierInsert & { id: string };
  records: StepRecords;
  /**
   * What the intake read from caches without checking: the statement writes nothing (and takes no
   * number) unless the procedure still has this version and, when given, the calendar this stamp.
   */
  guard: { procedureId: string; procedureVersion: number; calendarStamp: { province: string; stamp: string } | null };
}

/** The desk's daily counter that numbers new dossiers: `<prefix><sequence>`. */
export interface DeskCounter {
  agencyId: string;
  day: string;
  prefix: string;
}

/** Columns a step writes, by table (the others keep their defaults): the statement's text is constant. */
const STEP_COLUMNS = {
  event: ['dossierId', 'provinceCode', 'action', 'fromStatus', 'toStatus', 'actorId', 'actorLabel', 'agencyId', 'data', 'occurredAt'],
  handoff: [
    'dossierId',
    'provinceCode',
    'step',
    'fromAgencyId',
    'fromUserId',
    'toAgencyId',
    'toUserId',
    'stepStartedAt',
    'budgetHours',
    'stepDueAt',
    'result',
    'note',
    'occurredAt',
  ],
  document: ['dossierId', 'provinceCode', 'procedureDocumentId', 'name', 'form', 'quantity', 'storageKey', 'sha256', 'mime', 'size', 'stage'],
  outbox: ['provinceCode', 'dossierId', 'channel', 'recipient', 'recipientUserId', 'subject', 'body'],
} as const;
/** A new dossier's columns: every one intake sets (the others keep their defaults). */
export const NEW_DOSSIER_COLUMNS = [
  'id',
  'provinceCode',
  'procedureId',
  'procedureVersion',
  'receivingAgencyId',
  'competentAgencyId',
  'currentAgencyId',
  'channel',
  'status',
  'applicant',
  'phoneTail',
  'applicantUserId',
  'receivedBy',
  'submittedAt',
  'receivedAt',
  'dueAt',
  'originalDueAt',
  'dueCalendarVersion',
  'dueRule',
  'supplementIntakeAt',
  'supplementItems',
  'pauses',
  'refusalReasons',
  'currentStep',
  'stepStartedAt',
  'feesDue',
  'closedAt',
  'version',
] as const satisfies readonly (keyof DossierInsert)[];

/** A new dossier's row as written: its columns and its public timeline (see `timelineEntry`). */
const NEW_ROW_COLUMNS = [...NEW_DOSSIER_COLUMNS, 'publicTimeline'] as const satisfies readonly (keyof DossierInsert)[];

/**
 * An event as the public timeline holds it: exactly what the trigger on dossier_event writes
 * (migrations 0017, 0018), which skips a dossier whose timeline equals the statement's entries.
 */
const timelineEntry = (e: EventInsert) => {
  // The instant must be the event's own (the column's default, the database's now(), would differ).
  if (!(e.occurredAt instanceof Date)) throw new Error('an intake event carries its instant');
  return { action: e.action, fromStatus: e.fromStatus ?? null, toStatus: e.toStatus, at: e.occurredAt.toISOString() };
};

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
  return JSON.stringify(
    rows.map((r) => {
      const out: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i++) out[names[i]] = (r as Record<string, unknown>)[keys[i]] ?? null;
      return out;
    }),
  );
};

/** `insert into t (cols) select cols from json_populate_recordset(null::t, $n)`, with per-column SQL where given. */
const insertFromJson = (table: AnyTable, keys: readonly string[], param: string, where: string, expr: Record<string, (col: string) => string> = {}): string => {
  const names = columnNames(table, keys);
  const name = getTableName(table);
  return `insert into ${name} (${names.join(', ')}) select ${names.map((n) => (expr[n] ? expr[n](`r.${n}`) : `r.${n}`)).join(', ')} from json_populate_recordset(null::${name}, ${param}) r${where}`;
};

const stepCtes = (p: Params, records: readonly StepRecords[], gate: string, withCode: (col: string) => string, outboxJoin: string): string[] => [
  `ev as (${insertFromJson(
    dossierEvent,
    STEP_COLUMNS.event,
    p.add(
      jsonRows(
        dossierEvent,
        STEP_COLUMNS.event,
        records.map((r) => r.event),
      ),
      'json',
    ),
    gate,
  )})`,
  `ho as (${insertFromJson(
    dossierHandoff,
    STEP_COLUMNS.handoff,
    p.add(
      jsonRows(
        dossierHandoff,
        STEP_COLUMNS.handoff,
        records.flatMap((r) => (r.handoff ? [r.handoff] : [])),
      ),
      'json',
    ),
    gate,
  )})`,
  `docs as (${insertFromJson(
    dossierDocument,
    STEP_COLUMNS.document,
    p.add(
      jsonRows(
        dossierDocument,
        STEP_COLUMNS.document,
        records.flatMap((r) => r.documents),
      ),
      'json',
    ),
    gate,
  )})`,
  `ob as (${insertFromJson(
    notificationOutbox,
    STEP_COLUMNS.outbox,
    p.add(
      jsonRows(
        notificationOutbox,
        STEP_COLUMNS.outbox,
        records.flatMap((r) => r.outbox),
      ),
      'json',
    ),
    outboxJoin,
    { subject: withCode, body: withCode },
  )})`,
];

/**
 * A step on an existing dossier in ONE statement (data-modifying CTEs commit or fail together):
 * its event, control-sheet row, documents, notifications and audit entry, as a named prepared
 * statement: rows travel as JSON arrays, so the text is the same for every step and PostgreSQL
 * plans it once per connection.
 */
export async function writeStep(db: DbOrTx, records: StepRecords): Promise<void> {
  const p = new Params();
  const ctes = [...stepCtes(p, [records], '', (col) => col, ''), auditCtesText(p, [records.audit])];
  await queryPrepared(db, `with ${ctes.join(',\n')} select 1`, p.values);
}

/**
 * New dossiers at one desk on one day, with their steps' records, in ONE statement (a batch of one
 * or more: see intake.service.ts). The desk's daily counter moves by the batch's size and numbers
 * the dossiers in order (Circular 01/2018 Art. 19); texts written before the code existed carry
 * `<prefix>` + PENDING_SEQ, replaced by each dossier's code in SQL; the audit entries are chained
 * in order and name the codes. Run outside a transaction, it is one round trip and holds the
 * counter and the audit head only while it runs and commits. All or nothing: when any guard fails
 * (see NewDossier), or anything else does, nothing is written and no number is taken, so codes
 * stay gapless. Returns each dossier's code by its id, or undefined when a guard failed.
 */
export async function writeIntakes(db: DbOrTx, counter: DeskCounter, items: readonly NewDossier[]): Promise<Map<string, string> | undefined> {
  const p = new Params();
  const n = p.add(items.length, 'int');
  const versions = [
    ...new Map(items.map(({ guard: g }) => [`${g.procedureId}@${g.procedureVersion}`, { id: g.procedureId, version: g.procedureVersion }])).values(),
  ];
  const stamps = [
    ...new Map(
      items.flatMap(({ guard: g }) => (g.calendarStamp === null ? [] : [[`${g.calendarStamp.province}/${g.calendarStamp.stamp}`, g.calendarStamp]])),
    ).values(),
  ];
  const columns = columnNames(dossier, NEW_ROW_COLUMNS);
  const ctes = [
    `guard as (select 1
      where not exists (select 1 from json_to_recordset(${p.add(JSON.stringify(versions), 'json')}) as g(id uuid, version int)
          where not exists (select 1 from procedure where id = g.id and version = g.version and is_active))
        and not exists (select 1 from json_to_recordset(${p.add(JSON.stringify(stamps), 'json')}) as s(province text, stamp text) where s.stamp <> ${calendarStampSql('s.province')}))`,
    `seq as (insert into dossier_sequence (agency_id, day, last_value) select ${p.add(counter.agencyId, 'uuid')}, ${p.add(counter.day, 'date')}, ${n} from guard
      on conflict (agency_id, day) do update set last_value = dossier_sequence.last_value + excluded.last_value returning last_value)`,
    `d as (insert into dossier (code, ${columns.join(', ')})
      select ${p.add(counter.prefix, 'text')} || lpad(k.v::text, greatest(4, length(k.v::text)), '0'), ${columns.map((c) => `r.${c}`).join(', ')}
      from seq cross join json_populate_recordset(null::dossier, ${p.add(
        jsonRows(
          dossier,
          NEW_ROW_COLUMNS,
          items.map((i) => ({ ...i.row, publicTimeline: [timelineEntry(i.records.event)] })),
        ),
        'json',
      )}) with ordinality r
        cross join lateral (select seq.last_value - ${n} + r.ordinality as v) k
      returning id, code)`,
  ];
  const pending = p.add(`${counter.prefix}${PENDING_SEQ}`, 'text');
  ctes.push(
    ...stepCtes(
      p,
      items.map((i) => i.records),
      ' where exists (select 1 from d)',
      (col) => `replace(${col}, ${pending}, d.code)`,
      ' join d on d.id = r.dossier_id',
    ),
  );
  ctes.push(
    auditCtesText(
      p,
      items.map((i) => ({ ...i.records.audit, ref: i.row.id })),
      { join: 'join d on d.id = e.ref::uuid', id: 'd.code' },
    ),
  );
  const rows = await queryPrepared<{ id: string; code: string }>(db, `with ${ctes.join(',\n')} select id, code from d`, p.values);
  return rows.length ? new Map(rows.map((r) => [r.id, r.code])) : undefined;
}
