/**
 * Import 30,400 generated officials (the article's province) and time the statistics (today via the
 * maintained aggregate and via the scan, which must agree; a past date via the scan), on PGlite
 * and, when BENCH_DATABASE_URL or TEST_DATABASE_URL is set, on PostgreSQL. Run: npx tsx bench/workforce.bench.ts
 */
import { randomBytes } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { type Database, migrateDatabase, openDatabase } from '../src/server/db/client.js';
import { agency } from '../src/server/db/schema/index.js';
import { seedReference } from '../src/server/db/seed/index.js';
import { importOfficials } from '../src/server/modules/workforce/index.js';
import { vnToday } from '../src/shared/vn-time.js';
import { computeStats, computeStatsToday } from '../src/server/modules/workforce/workforce.stats.js';
import { officialsFile } from './fixtures/officials.js';

export interface WorkforceBenchRow {
  database: string;
  step: string;
  rows: number;
  ms: number;
  rowsPerSec: number;
}

const N = Number(process.env.BENCH_OFFICIALS ?? 30_400);
const systemActor = { userId: null, label: 'bench' };

async function time<T>(f: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = process.hrtime.bigint();
  const value = await f();
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, value };
}

/** A province-shaped tree: the People's Committee, 20 departments, 60 communes. */
async function makeProvince(database: Database): Promise<{ root: { id: string; code: string }; leaves: { code: string }[] }> {
  const tag = randomBytes(3).toString('hex').toUpperCase();
  const [root] = await database.db
    .insert(agency)
    .values({ code: `B${tag}.00.00.H99`, name: `UBND tỉnh bench ${tag}`, adminUnitCode: '08', provinceCode: '08' })
    .returning({ id: agency.id, code: agency.code });
  const leaves = await database.db
    .insert(agency)
    .values(
      Array.from({ length: 80 }, (_, i) => ({
        code: `B${tag}.${String(i).padStart(2, '0')}.31.H99`,
        name: `${i < 20 ? 'Sở' : 'UBND xã'} bench ${tag} ${i}`,
        parentId: root.id,
        adminUnitCode: '08',
        provinceCode: '08',
      })),
    )
    .returning({ code: agency.code });
  return { root, leaves };
}

async function benchOn(label: string, database: Database, root: { id: string; code: string }, xlsx: Buffer, csv: Buffer): Promise<WorkforceBenchRow[]> {
  const row = (step: string, rows: number, ms: number): WorkforceBenchRow => ({
    database: label,
    step,
    rows,
    ms: Math.round(ms),
    rowsPerSec: Math.round((rows / ms) * 1000),
  });
  const out: WorkforceBenchRow[] = [];
  const common = { scope: null, actor: systemActor } as const;
  const dry = await time(() => importOfficials(database.db, { ...common, fileName: 'p.xlsx', data: xlsx, dryRun: true }));
  out.push(row('dry run (.xlsx, parse + validate)', N, dry.ms));
  const first = await time(() => importOfficials(database.db, { ...common, fileName: 'p.xlsx', data: xlsx, dryRun: false }));
  if (first.value.imported !== N) throw new Error(`imported ${first.value.imported} of ${N}: ${JSON.stringify(first.value.rejected.slice(0, 3))}`);
  out.push(row('import .xlsx (all new)', N, first.ms));
  const again = await time(() => importOfficials(database.db, { ...common, fileName: 'p.csv', data: csv, dryRun: false }));
  out.push(row('re-import .csv (all updates)', again.value.updated, again.ms));
  const date = vnToday();
  const scanned = await computeStats(database.db, root, date);
  const aggregated = await computeStatsToday(database.db, root, date);
  if (JSON.stringify(scanned) !== JSON.stringify(aggregated)) throw new Error(`aggregate ≠ scan: ${JSON.stringify({ scanned, aggregated })}`);
  const runs = 10;
  const stats = await time(async () => {
    for (let i = 0; i < runs; i++) await computeStats(database.db, root, date);
  });
  out.push(row(`stats today, province subtree, via scan (mean of ${runs})`, N, stats.ms / runs));
  const viaAggregate = await time(async () => {
    for (let i = 0; i < runs; i++) await computeStatsToday(database.db, root, date);
  });
  out.push(row(`stats today, province subtree, via aggregate (mean of ${runs}; the API's path)`, N, viaAggregate.ms / runs));
  const past = await time(() => computeStats(database.db, root, '2015-01-01'));
  out.push(row(`stats, province subtree on 2015-01-01 (${past.value.headcount} in post)`, N, past.ms));
  return out;
}

export async function run(): Promise<WorkforceBenchRow[]> {
  // The sheet names the agencies of the province created in each database: generated per database.
  const rows: WorkforceBenchRow[] = [];
  const targets: [string, () => Promise<Database>][] = [['PGlite', () => openDatabase({})]];
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (url) targets.push(['PostgreSQL', () => openDatabase({ databaseUrl: url, poolSize: 4 })]);
  for (const [label, open] of targets) {
    const database = await open();
    try {
      await migrateDatabase(database);
      await seedReference(database.db);
      const gen = await time(async () => {
        const { root, leaves } = await makeProvince(database);
        const agencies = leaves.map((l) => ({ code: l.code }));
        const prefix = `P${randomBytes(2).toString('hex')}`;
        return { xlsx: await officialsFile(N, 'xlsx', agencies, 2026, prefix), csv: await officialsFile(N, 'csv', agencies, 2026, prefix), root };
      });
      rows.push({ database: label, step: 'generate .xlsx + .csv', rows: N, ms: Math.round(gen.ms), rowsPerSec: Math.round((N / gen.ms) * 1000) });
      rows.push(...(await benchOn(label, database, gen.value.root, gen.value.xlsx, gen.value.csv)));
    } finally {
      await database.close();
    }
  }
  return rows;
}

export function toMarkdown(rows: WorkforceBenchRow[]): string {
  const lines = ['| database | step | rows | ms | rows/s |', '|---|---|---:|---:|---:|'];
  for (const r of rows) lines.push(`| ${r.database} | ${r.step} | ${r.rows} | ${r.ms} | ${r.rowsPerSec} |`);
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(toMarkdown(await run()));
}
