/**
 * Deadline computations per second: precomputed working-day index vs the naive day-by-day loop,
 * on the same random receipts (2019–2030, 1–60 working days). Run: npx tsx bench/calendar.bench.ts
 */
import { pathToFileURL } from 'node:url';
import {
  buildWorkingCalendar,
  computeDeadline,
  naiveAddWorkingDays,
  naiveRules,
  type DeadlineRequest,
  type DeadlineUnit,
} from '../src/server/modules/calendar/deadline.js';

export interface BenchRow {
  name: string;
  opsPerSec: number;
  nsPerOp: number;
  operations: number;
}

const SAMPLE_SIZE = 4096;

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function sampleRequests(unit: DeadlineUnit, seed: number): DeadlineRequest[] {
  const random = prng(seed);
  const lo = Date.UTC(2019, 0, 1);
  const hi = Date.UTC(2030, 11, 1);
  return Array.from({ length: SAMPLE_SIZE }, () => ({
    from: new Date(lo + Math.floor((random() * (hi - lo)) / 60_000) * 60_000),
    amount: 1 + Math.floor(random() * 60),
    unit,
  }));
}

/** Runs `op` over the samples for at least `minMs` after a warm-up; returns ops/s. */
function measure(name: string, op: (i: number) => number, minMs: number): BenchRow {
  let sink = 0;
  for (let i = 0; i < 20_000; i++) sink += op(i & (SAMPLE_SIZE - 1));
  let operations = 0;
  const start = process.hrtime.bigint();
  let elapsedNs = 0;
  while (elapsedNs < minMs * 1e6) {
    for (let i = 0; i < SAMPLE_SIZE; i++) sink += op(i);
    operations += SAMPLE_SIZE;
    elapsedNs = Number(process.hrtime.bigint() - start);
  }
  if (sink === 42) console.log('');
  return { name, opsPerSec: Math.round((operations / elapsedNs) * 1e9), nsPerOp: Math.round((elapsedNs / operations) * 10) / 10, operations };
}

export async function run(options: { minMs?: number } = {}): Promise<BenchRow[]> {
  const minMs = options.minMs ?? 1000;
  const buildStart = process.hrtime.bigint();
  const calendar = buildWorkingCalendar();
  const buildMs = Number(process.hrtime.bigint() - buildStart) / 1e6;
  const rules = naiveRules();
  const days = sampleRequests('working_days', 1);
  const hours = sampleRequests('working_hours', 2);
  const calendarDays = sampleRequests('calendar_days', 3);
  const rows: BenchRow[] = [
    measure('index: computeDeadline(working_days)', (i) => computeDeadline(days[i], calendar).due.getTime(), minMs),
    measure('index: WorkingCalendar.addWorkingDays', (i) => calendar.addWorkingDays(days[i].from, days[i].amount).getTime(), minMs),
    measure('index: computeDeadline(working_hours)', (i) => computeDeadline(hours[i], calendar).due.getTime(), minMs),
    measure('index: computeDeadline(calendar_days)', (i) => computeDeadline(calendarDays[i], calendar).due.getTime(), minMs),
    measure('naive: day-by-day loop (working_days)', (i) => naiveAddWorkingDays(days[i].from, days[i].amount, rules).getTime(), minMs),
  ];
  rows.push({
    name: `calendar build 2000–2100 (${calendar.version})`,
    opsPerSec: Math.round(1000 / buildMs),
    nsPerOp: Math.round(buildMs * 1e6),
    operations: 1,
  });
  return rows;
}

export function toMarkdown(rows: readonly BenchRow[]): string {
  const naive = rows.find((r) => r.name.startsWith('naive'))?.opsPerSec ?? 0;
  const lines = ['| case | ops/s | ns/op | × naive |', '|---|---:|---:|---:|'];
  for (const row of rows) {
    const ratio = naive > 0 && row.operations > 1 ? `${(row.opsPerSec / naive).toFixed(1)}×` : '—';
    lines.push(`| ${row.name} | ${row.opsPerSec.toLocaleString('en-US')} | ${row.nsPerOp.toLocaleString('en-US')} | ${ratio} |`);
  }
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await run();
  console.log(`Node ${process.version}, ${SAMPLE_SIZE} random receipts 2019–2030, 1–60 units\n`);
  console.log(toMarkdown(rows));
}
