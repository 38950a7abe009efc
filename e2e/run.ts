/**
 * npm run e2e: start the server, run every journey in e2e/journeys, print a summary line
 * ("N passed, N failed") and exit non-zero on any failure.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Journey, launchBrowser, ROOT, startServer } from './lib.js';

const filter = process.argv[2];
const dir = path.join(ROOT, 'e2e/journeys');
const journeys: Journey[] = [];
for (const file of fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.journey.ts'))
  .sort()) {
  const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { journeys: Journey[] };
  journeys.push(...mod.journeys.filter((j) => !filter || j.name.includes(filter) || file.includes(filter)));
}

const server = await startServer();
const browser = await launchBrowser();
let passed = 0;
let failed = 0;
try {
  for (const j of journeys) {
    const t0 = Date.now();
    try {
      await j.run({ url: server.url, browser });
      passed++;
      console.log(`  ✓ ${j.name} (${Date.now() - t0} ms)`);
    } catch (err) {
      failed++;
      console.log(`  ✗ ${j.name}\n    ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
console.log(`\ne2e: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
