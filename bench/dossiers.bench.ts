/**
 * Dossiers on PostgreSQL: public lookup (`GET /api/v1/public/dossiers/{code}?verify=`) against a
 * minimal Fastify + pg primary-key route, and intake (`POST /api/v1/dossiers`, 8 clients) against
 * `pgbench -b simple-update -c 8` (at one desk, and spread one client per desk over 8 desks), in the
 * same run on the same server; then the codes are checked gapless. Servers run in child processes;
 * autocannon runs here. Run: npx tsx bench/dossiers.bench.ts
 * Env: BENCH_DATABASE_URL (dropped and recreated!), BENCH_DOSSIERS (100000), BENCH_SECONDS (10),
 * BENCH_PGLITE=0 to skip the PGlite lookup.
 */
import { execFile, fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import autocannon from 'autocannon';
import type { Result } from 'autocannon';
import { checkGapless, createCounterToken, intakePayload, type LookupKey, openBenchDatabase, populate, recreateDatabase, SPREAD_DESKS } from './fixtures/dossiers-data.js';

export interface DossierBenchRow {
  database: string;
  case: string;
  rate: number;
  unit: 'req/s' | 'tx/s' | 'tps' | 'rows/s' | 'check';
  p50Ms: number | null;
  p99Ms: number | null;
  failures: number;
  /** Against the baseline of the same run, and the goal. */
  vsBaseline: string;
  note: string;
}

const URL_DEFAULT = 'postgres://postgres@127.0.0.1:5432/congvu_bench';
const N = Number(process.env.BENCH_DOSSIERS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const POOL = 10; // openDatabase's default pool, as the app runs in production
const CONNECTIONS = 50;
const CLIENTS = 8;
const SERVER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/dossiers-server.ts');
const run$ = promisify(execFile);

interface Started {
  url: string;
  keys?: LookupKey[];
  stop(): Promise<void>;
}

/** Fork a bench server (see fixtures/dossiers-server.ts) and wait until it listens. */
async function startServer(options: { mode: 'app' | 'app-pglite' | 'kv'; url?: string; n?: number }): Promise<Started> {
  const child = fork(SERVER, [JSON.stringify({ ...options, port: 0, poolSize: POOL })], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const message = await new Promise<{ port: number; keys?: LookupKey[] }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { port: number; keys?: LookupKey[] }));
    child.once('exit', (code) => reject(new Error(`bench server ${options.mode} exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${message.port}`,
    keys: message.keys,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send('stop');
      }),
  };
}

const pick = <T>(list: T[]): T => list[Math.floor(Math.random() * list.length)];

/** GETs for `seconds` with 50 connections, each request on a random key. */
function loadGet(url: string, paths: () => string, seconds: number): Promise<Result> {
  return autocannon({ url, connections: CONNECTIONS, duration: seconds, timeout: 30, requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths() }) }] });
}

function measured(database: string, name: string, r: Result, unit: DossierBenchRow['unit'], note = ''): DossierBenchRow {
  const ok = r['2xx'];
  return { database, case: name, rate: Math.round(ok / r.duration), unit, p50Ms: r.latency.p50, p99Ms: r.latency.p99, failures: r.errors + r.timeouts + r.non2xx, vsBaseline: '', note };
}

const ratio = (a: number, b: number): number => Math.round((a / b) * 1000) / 10;
const verdict = (pct: number, goal: number): string => `${pct}% (goal ≥ ${goal}%: ${pct >= goal ? 'met' : 'NOT met'})`;

function pgArgs(url: string): string[] {
  const u = new URL(url);
  return ['-h', u.hostname, '-p', u.port || '5432', '-U', decodeURIComponent(u.username || 'postgres')];
}

/** pgbench's built-in simple-update on a scratch database of the same server; returns tps. */
async function pgbench(url: string, seconds: number): Promise<{ tps: number; latencyMs: number }> {
  const scratch = new URL(url);
  scratch.pathname = `${scratch.pathname}_pgbench`;
  await recreateDatabase(scratch.toString());
  const db = decodeURIComponent(scratch.pathname.slice(1));
  await run$('pgbench', ['-i', '-q', ...pgArgs(url), db]);
  const { stdout } = await run$('pgbench', ['-b', 'simple-update', '-c', String(CLIENTS), '-j', '2', '-T', String(seconds), ...pgArgs(url), db]);
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout);
  const latency = /latency average = ([\d.]+) ms/.exec(stdout);
  if (!tps) throw new Error(`cannot read tps from pgbench:\n${stdout}`);
  return { tps: Math.round(Number(tps[1])), latencyMs: Number(latency?.[1] ?? NaN) };
}

async function lookupOnPostgres(url: string, keys: LookupKey[], kvIds: string[]): Promise<DossierBenchRow[]> {
  const kv = await startServer({ mode: 'kv', url });
  const app = await startServer({ mode: 'app', url });
  try {
    const lookupPath = () => {
      const k = pick(keys);
      return `/api/v1/public/dossiers/${encodeURIComponent(k.code)}?verify=${k.tail}`;
    };
    const kvPath = () => `/kv/${pick(kvIds)}`;
    await loadGet(kv.url, kvPath, 2); // warm-up: JIT, pool connections, buffer cache
    await loadGet(app.url, lookupPath, 2);
    const base = measured('PostgreSQL', `baseline: minimal Fastify + pg.Pool(${POOL}), GET /kv/:id (primary key)`, await loadGet(kv.url, kvPath, SECONDS), 'req/s');
    const lookup = measured('PostgreSQL', `public lookup GET /api/v1/public/dossiers/{code}?verify= (${N.toLocaleString('en')} dossiers)`, await loadGet(app.url, lookupPath, SECONDS), 'req/s');
    lookup.vsBaseline = verdict(ratio(lookup.rate, base.rate), 80);
    base.vsBaseline = '100%';
    return [lookup, base];
  } finally {
    await app.stop();
    await kv.stop();
  }
}

/**
 * Intake with CLIENTS connections in total, split evenly over one API token per desk (one
 * autocannon per desk, run together). Rate = sum; p50/p99 = the worst desk's (conservative).
 */
async function intakeOnPostgres(url: string, tokens: string[], body: string, name: string): Promise<{ row: DossierBenchRow; started: Date }> {
  const app = await startServer({ mode: 'app', url });
  const started = new Date();
  try {
    const load = (seconds: number) =>
      Promise.all(
        tokens.map((token) =>
          autocannon({ url: `${app.url}/api/v1/dossiers`, connections: CLIENTS / tokens.length, duration: seconds, timeout: 30, method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body }),
        ),
      );
    await load(1); // warm-up (its dossiers count in the gapless check too)
    const rs = await load(SECONDS);
    const ok = rs.reduce((n, r) => n + r['2xx'], 0);
    const row: DossierBenchRow = {
      database: 'PostgreSQL',
      case: name,
      rate: Math.round(ok / rs[0].duration),
      unit: 'tx/s',
      p50Ms: Math.max(...rs.map((r) => r.latency.p50)),
      p99Ms: Math.max(...rs.map((r) => r.latency.p99)),
      failures: rs.reduce((n, r) => n + r.errors + r.timeouts + r.non2xx, 0),
      vsBaseline: '',
      note: tokens.length > 1 ? `${CLIENTS / tokens.length} client(s) per desk; p50/p99 of the slowest desk` : '',
    };
    return { row, started };
  } finally {
    await app.stop();
  }
}

export async function run(): Promise<DossierBenchRow[]> {
  const url = process.env.BENCH_DATABASE_URL ?? URL_DEFAULT;
  await recreateDatabase(url);
  const database = await openBenchDatabase(url, 4);
  const rows: DossierBenchRow[] = [];
  let baselineRate: number | undefined;
  try {
    const t = process.hrtime.bigint();
    const { keys, kvIds } = await populate(database, N);
    const setupMs = Number(process.hrtime.bigint() - t) / 1e6;
    rows.push({ database: 'PostgreSQL', case: `setup: migrate + demo seed + ${N.toLocaleString('en')} dossiers, events, bench_kv (set-based SQL)`, rate: Math.round((N / setupMs) * 1000), unit: 'rows/s', p50Ms: null, p99Ms: null, failures: 0, vsBaseline: '', note: `${Math.round(setupMs)} ms` });
    const lookups = await lookupOnPostgres(url, keys, kvIds);
    baselineRate = lookups[1].rate;
    rows.push(...lookups);

    const body = await intakePayload(database);
    const token = await createCounterToken(database);
    const { row: intake, started } = await intakeOnPostgres(url, [token], body, `intake POST /api/v1/dossiers, ${CLIENTS} clients at one desk (counter officer, API token)`);
    const spreadTokens = await Promise.all(SPREAD_DESKS.map((desk) => createCounterToken(database, desk)));
    const { row: spread } = await intakeOnPostgres(url, spreadTokens, body, `intake POST /api/v1/dossiers, ${CLIENTS} clients over ${SPREAD_DESKS.length} desks (one API token per desk)`);
    const bench = await pgbench(url, SECONDS);
    intake.vsBaseline = verdict(ratio(intake.rate, bench.tps), 25);
    spread.vsBaseline = `${ratio(spread.rate, bench.tps)}% (information: ${(spread.rate / intake.rate).toFixed(1)}× one desk)`;
    rows.push(intake, spread, { database: 'PostgreSQL', case: `baseline: pgbench -b simple-update -c ${CLIENTS} -j 2 -T ${SECONDS} (scale 1)`, rate: bench.tps, unit: 'tps', p50Ms: null, p99Ms: null, failures: 0, vsBaseline: '100%', note: `latency average ${bench.latencyMs} ms` });

    const gap = await checkGapless(database, started);
    const day = gap.benchDay;
    rows.push({
      database: 'PostgreSQL',
      case: 'codes gapless (every desk and day: 1..N, no repeat, N = daily counter)',
      rate: gap.groups,
      unit: 'check',
      p50Ms: null,
      p99Ms: null,
      failures: gap.badGroups,
      vsBaseline: gap.badGroups === 0 && day && day.count === day.max ? 'yes' : 'NO',
      note: day ? `bench day ${day.day}: ${day.count} codes 0001..${String(day.max).padStart(4, '0')}, counter ${day.counter}; ${gap.groups} desk-days checked` : 'no intake recorded',
    });
  } finally {
    await database.close();
  }
  if (process.env.BENCH_PGLITE !== '0') rows.push(await lookupOnPglite(baselineRate));
  return rows;
}

/** The same lookup on an in-memory PGlite (one connection, in the server's process), for information. */
async function lookupOnPglite(baselineRate: number | undefined): Promise<DossierBenchRow> {
  const t = process.hrtime.bigint();
  const app = await startServer({ mode: 'app-pglite', n: N });
  const setupMs = Number(process.hrtime.bigint() - t) / 1e6;
  try {
    const keys = app.keys ?? [];
    const lookupPath = () => {
      const k = pick(keys);
      return `/api/v1/public/dossiers/${encodeURIComponent(k.code)}?verify=${k.tail}`;
    };
    await loadGet(app.url, lookupPath, 2);
    const row = measured('PGlite (in memory)', `public lookup GET /api/v1/public/dossiers/{code}?verify= (${N.toLocaleString('en')} dossiers)`, await loadGet(app.url, lookupPath, SECONDS), 'req/s', `setup ${Math.round(setupMs / 1000)} s`);
    row.vsBaseline = baselineRate ? `${ratio(row.rate, baselineRate)}% of the PostgreSQL baseline (information)` : '';
    return row;
  } finally {
    await app.stop();
  }
}

const fmt = (v: number | null): string => (v === null ? '—' : v.toLocaleString('en'));

export function toMarkdown(rows: DossierBenchRow[]): string {
  const lines = [
    `Autocannon: ${CONNECTIONS} connections × ${SECONDS} s per GET case (after a 2 s warm-up), ${CLIENTS} connections for intake (after a 1 s warm-up), at one desk or one per desk; random keys. Servers run in child processes on 127.0.0.1, pool ${POOL}, request logging off; the app's public rate limit raised through \`CONGVU_PUBLIC_RATE_LIMIT\` (the limiter still runs). Rate = 2xx responses per second.`,
    '',
    '| database | case | rate | unit | p50 ms | p99 ms | errors + non-2xx | vs baseline | note |',
    '|---|---|---:|---|---:|---:|---:|---|---|',
  ];
  for (const r of rows) lines.push(`| ${r.database} | ${r.case} | ${fmt(r.rate)} | ${r.unit === 'check' ? 'desk-days' : r.unit} | ${fmt(r.p50Ms)} | ${fmt(r.p99Ms)} | ${r.failures} | ${r.vsBaseline} | ${r.note} |`);
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(toMarkdown(await run()));
}
