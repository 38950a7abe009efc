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
import {
  checkGapless,
  createCounterToken,
  intakePayload,
  type LookupKey,
  openBenchDatabase,
  populate,
  recreateDatabase,
  SPREAD_DESKS,
} from './fixtures/dossiers-data.js';

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
/** Each case against its baseline runs in ROUNDS alternating rounds of SECONDS / 2 (the machine's speed drifts): medians are compared. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ROUND_SECONDS = Math.max(1, Math.round(SECONDS / 2));
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
  const child = fork(SERVER, [JSON.stringify({ ...options, port: 0, poolSize: POOL })], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
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
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 30,
    requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths() }) }],
  });
}

function measured(database: string, name: string, r: Result, unit: DossierBenchRow['unit'], note = ''): DossierBenchRow {
  const ok = r['2xx'];
  return {
    database,
    case: name,
    rate: Math.round(ok / r.duration),
    unit,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    failures: r.errors + r.timeouts + r.non2xx,
    vsBaseline: '',
    note,
  };
}

const ratio = (a: number, b: number): number => Math.round((a / b) * 1000) / 10;

/** The round with the median rate (its latencies go with it). */
function medianRow(rows: DossierBenchRow[]): DossierBenchRow {
  const sorted = [...rows].sort((a, b) => a.rate - b.rate);
  const mid = sorted[Math.floor(sorted.length / 2)];
  return {
    ...mid,
    failures: rows.reduce((n, r) => n + r.failures, 0),
    note: `median of ${rows.length} rounds: ${rows.map((r) => r.rate.toLocaleString('en')).join(', ')}`,
  };
}
const verdict = (pct: number, goal: number): string => `${pct}% (goal ≥ ${goal}%: ${pct >= goal ? 'met' : 'NOT met'})`;

function pgArgs(url: string): string[] {
  const u = new URL(url);
  return ['-h', u.hostname, '-p', u.port || '5432', '-U', decodeURIComponent(u.username || 'postgres')];
}

/** A scratch database of the same server, initialised for pgbench; returns its name. */
async function pgbenchInit(url: string): Promise<string> {
  const scratch = new URL(url);
  scratch.pathname = `${scratch.pathname}_pgbench`;
  await recreateDatabase(scratch.toString());
  const db = decodeURIComponent(scratch.pathname.slice(1));
  await run$('pgbench', ['-i', '-q', ...pgArgs(url), db]);
  return db;
}

/** pgbench's built-in simple-update on the scratch database: tps and average latency. */
async function pgbench(url: string, db: string, seconds: number): Promise<{ tps: number; latencyMs: number }> {
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
    const bases: DossierBenchRow[] = [];
    const lookups: DossierBenchRow[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      bases.push(
        measured(
          'PostgreSQL',
          `baseline: minimal Fastify + pg.Pool(${POOL}), GET /kv/:id (primary key)`,
          await loadGet(kv.url, kvPath, ROUND_SECONDS),
          'req/s',
        ),
      );
      lookups.push(
        measured(
          'PostgreSQL',
          `public lookup GET /api/v1/public/dossiers/{code}?verify= (${N.toLocaleString('en')} dossiers)`,
          await loadGet(app.url, lookupPath, ROUND_SECONDS),
          'req/s',
        ),
      );
    }
    const base = medianRow(bases);
    const lookup = medianRow(lookups);
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
 * autocannon per desk, run together), for `rounds` rounds of `seconds`; between rounds `between`
 * runs (pgbench, so both see the same machine). Rate = sum over desks; p50/p99 = the worst desk's
 * (conservative).
 */
async function intakeOnPostgres(
  url: string,
  tokens: string[],
  body: string,
  name: string,
  rounds: { count: number; seconds: number; between?: () => Promise<void> },
): Promise<{ rows: DossierBenchRow[]; started: Date }> {
  const app = await startServer({ mode: 'app', url });
  const started = new Date();
  try {
    const load = (seconds: number) =>
      Promise.all(
        tokens.map((token) =>
          autocannon({
            url: `${app.url}/api/v1/dossiers`,
            connections: CLIENTS / tokens.length,
            duration: seconds,
            timeout: 30,
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body,
          }),
        ),
      );
    await load(1); // warm-up (its dossiers count in the gapless check too)
    const rows: DossierBenchRow[] = [];
    for (let r = 0; r < rounds.count; r++) {
      const rs = await load(rounds.seconds);
      const ok = rs.reduce((n, x) => n + x['2xx'], 0);
      rows.push({
        database: 'PostgreSQL',
        case: name,
        rate: Math.round(ok / rs[0].duration),
        unit: 'tx/s',
        p50Ms: Math.max(...rs.map((x) => x.latency.p50)),
        p99Ms: Math.max(...rs.map((x) => x.latency.p99)),
        failures: rs.reduce((n, x) => n + x.errors + x.timeouts + x.non2xx, 0),
        vsBaseline: '',
        note: tokens.length > 1 ? `${CLIENTS / tokens.length} client(s) per desk; p50/p99 of the slowest desk` : '',
      });
      await rounds.between?.();
    }
    return { rows, started };
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
    rows.push({
      database: 'PostgreSQL',
      case: `setup: migrate + demo seed + ${N.toLocaleString('en')} dossiers, events, bench_kv (set-based SQL)`,
      rate: Math.round((N / setupMs) * 1000),
      unit: 'rows/s',
      p50Ms: null,
      p99Ms: null,
      failures: 0,
      vsBaseline: '',
      note: `${Math.round(setupMs)} ms`,
    });
    const lookups = await lookupOnPostgres(url, keys, kvIds);
    baselineRate = lookups[1].rate;
    rows.push(...lookups);

    const body = await intakePayload(database);
    const token = await createCounterToken(database);
    const pgbenchDb = await pgbenchInit(url);
    const benches: { tps: number; latencyMs: number }[] = [];
    const { rows: intakes, started } = await intakeOnPostgres(
      url,
      [token],
      body,
      `intake POST /api/v1/dossiers, ${CLIENTS} clients at one desk (counter officer, API token)`,
      {
        count: ROUNDS,
        seconds: ROUND_SECONDS,
        between: async () => void benches.push(await pgbench(url, pgbenchDb, ROUND_SECONDS)),
      },
    );
    const intake = medianRow(intakes);
    const bench = [...benches].sort((a, b) => a.tps - b.tps)[Math.floor(benches.length / 2)];
    const spreadTokens = await Promise.all(SPREAD_DESKS.map((desk) => createCounterToken(database, desk)));
    const spreadName = `intake POST /api/v1/dossiers, ${CLIENTS} clients over ${SPREAD_DESKS.length} desks (one API token per desk)`;
    const spread = (await intakeOnPostgres(url, spreadTokens, body, spreadName, { count: 1, seconds: SECONDS })).rows[0];
    intake.vsBaseline = verdict(ratio(intake.rate, bench.tps), 25);
    spread.vsBaseline = `${ratio(spread.rate, bench.tps)}% (information: ${(spread.rate / intake.rate).toFixed(1)}× one desk)`;
    rows.push(intake, spread, {
      database: 'PostgreSQL',
      case: `baseline: pgbench -b simple-update -c ${CLIENTS} -j 2 -T ${ROUND_SECONDS} (scale 1)`,
      rate: bench.tps,
      unit: 'tps',
      p50Ms: null,
      p99Ms: null,
      failures: 0,
      vsBaseline: '100%',
      note: `median of ${benches.length} rounds: ${benches.map((b) => b.tps.toLocaleString('en')).join(', ')}; latency average ${bench.latencyMs} ms`,
    });

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
      note: day
        ? `bench day ${day.day}: ${day.count} codes 0001..${String(day.max).padStart(4, '0')}, counter ${day.counter}; ${gap.groups} desk-days checked`
        : 'no intake recorded',
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
    const row = measured(
      'PGlite (in memory)',
      `public lookup GET /api/v1/public/dossiers/{code}?verify= (${N.toLocaleString('en')} dossiers)`,
      await loadGet(app.url, lookupPath, SECONDS),
      'req/s',
      `setup ${Math.round(setupMs / 1000)} s`,
    );
    row.vsBaseline = baselineRate ? `${ratio(row.rate, baselineRate)}% of the PostgreSQL baseline (information)` : '';
    return row;
  } finally {
    await app.stop();
  }
}

const fmt = (v: number | null): string => (v === null ? '—' : v.toLocaleString('en'));

export function toMarkdown(rows: DossierBenchRow[]): string {
  const lines = [
    `Autocannon: ${CONNECTIONS} connections per GET case (after a 2 s warm-up), ${CLIENTS} connections for intake (after a 1 s warm-up), at one desk or one per desk; random keys. Each goal case and its baseline run in ${ROUNDS} alternating rounds of ${ROUND_SECONDS} s (kv, lookup, kv, lookup…; intake, pgbench, intake, pgbench…) and their median rounds are compared, because this machine's speed drifts between runs; the spread case runs once for ${SECONDS} s. Servers run in child processes on 127.0.0.1, pool ${POOL}, request logging off; the app's public rate limit raised through \`CONGVU_PUBLIC_RATE_LIMIT\` (the limiter still runs). Rate = 2xx responses per second.`,
    '',
    '| database | case | rate | unit | p50 ms | p99 ms | errors + non-2xx | vs baseline | note |',
    '|---|---|---:|---|---:|---:|---:|---|---|',
  ];
  for (const r of rows)
    lines.push(
      `| ${r.database} | ${r.case} | ${fmt(r.rate)} | ${r.unit === 'check' ? 'desk-days' : r.unit} | ${fmt(r.p50Ms)} | ${fmt(r.p99Ms)} | ${r.failures} | ${r.vsBaseline} | ${r.note} |`,
    );
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(toMarkdown(await run()));
}
