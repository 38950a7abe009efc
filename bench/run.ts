/**
 * `npm run bench [suite…]`: runs the named suites (all by default) and writes each one's results
 * into docs/benchmarks.md, between `<!-- bench:<suite> -->` and `<!-- /bench:<suite> -->`.
 * A suite is a module exporting `run()` and `toMarkdown(rows)`; add yours with one line below.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

interface Suite {
  run(): Promise<unknown[]>;
  toMarkdown(rows: never[]): string;
}

const suites: Record<string, () => Promise<Suite>> = {
  calendar: () => import('./calendar.bench.js'),
  workforce: () => import('./workforce.bench.js'),
  dossiers: () => import('./dossiers.bench.js'),
};

const DOC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/benchmarks.md');

function machine(): string {
  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${cpu} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.type()} ${os.release()} (${os.arch()})`;
}

function intro(): string {
  return [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (`bench/run.ts`); each section is replaced by the suite of the same name.',
    'Figures are in-process throughput on the machine below; compare rows of the same run only.',
    '',
  ].join('\n');
}

/** Replace (or append) the marked section of `suite` in the document. */
export function writeSection(doc: string, suite: string, body: string): string {
  const open = `<!-- bench:${suite} -->`;
  const close = `<!-- /bench:${suite} -->`;
  const section = `${open}\n${body.trim()}\n${close}`;
  const start = doc.indexOf(open);
  const end = doc.indexOf(close);
  if (start >= 0 && end > start) return doc.slice(0, start) + section + doc.slice(end + close.length);
  return `${doc.trimEnd()}\n\n${section}\n`;
}

async function main(): Promise<void> {
  const requested = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const names = requested.length > 0 ? requested : Object.keys(suites);
  const unknown = names.filter((n) => !(n in suites));
  if (unknown.length > 0) {
    console.error(`unknown suite(s): ${unknown.join(', ')}; known: ${Object.keys(suites).join(', ')}`);
    process.exitCode = 2;
    return;
  }
  let doc = fs.existsSync(DOC) ? fs.readFileSync(DOC, 'utf8') : intro();
  for (const name of names) {
    console.log(`▶ ${name}`);
    const suite = await suites[name]();
    const rows = await suite.run();
    const table = suite.toMarkdown(rows as never[]);
    console.log(`${table}\n`);
    const heading = `## ${name}\n\nRun ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — Node ${process.version} — ${machine()}\n`;
    doc = writeSection(doc, name, `${heading}\n${table}`);
  }
  fs.mkdirSync(path.dirname(DOC), { recursive: true });
  fs.writeFileSync(DOC, doc.endsWith('\n') ? doc : `${doc}\n`);
  console.log(`written: ${path.relative(process.cwd(), DOC)}`);
}

await main();
