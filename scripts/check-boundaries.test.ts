import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkBoundaries } from './check-boundaries.js';

const repoRoot = path.resolve(import.meta.dirname, '..');

/** A tiny server tree: `files` maps a path under src/server to its text. */
function fixture(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'boundaries-'));
  for (const [rel, text] of Object.entries(files)) {
    const file = path.join(root, 'src/server', rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  roots.push(root);
  return root;
}
const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

const base = {
  'db/schema/index.ts': 'export const agency = {};\n',
  'db/client.ts': 'export type DbOrTx = unknown;\n',
  'platform/errors.ts': 'export class AppError {}\n',
  'modules/org/index.ts': "export * as org from './org.lookup.repo.js';\n",
  'modules/org/org.lookup.repo.ts': "import { agency } from '../../db/schema/index.js';\nexport const a = agency;\n",
  'modules/org/org.service.ts': "import * as repo from './org.lookup.repo.js';\nexport const s = repo;\n",
  'modules/calendar/index.ts': "export { x } from './calendar.service.js';\n",
  'modules/calendar/calendar.service.ts': "import { org } from '../org/index.js';\nexport const x = org;\n",
};

describe('check-boundaries (the module-boundary check of npm run lint)', () => {
  it('passes a tree that keeps the rules', () => {
    expect(checkBoundaries(fixture(base))).toEqual([]);
  });

  it('reports an import that bypasses index.ts and a service that imports db/schema', () => {
    const root = fixture({
      ...base,
      'modules/calendar/calendar.service.ts': "import { a } from '../org/org.lookup.repo.js';\nexport const x = a;\n",
      'modules/org/org.service.ts':
        "import { AppError } from '../../platform/errors.js';\nimport { agency } from '../../db/schema/index.js';\nexport const s = [AppError, agency];\n",
    });
    expect(checkBoundaries(root).map((v) => `${v.file}:${v.line} ${v.rule}`)).toEqual([
      'src/server/modules/calendar/calendar.service.ts:1 index-only',
      'src/server/modules/org/org.service.ts:2 schema-in-repo',
    ]);
  });

  it('reports an arrow the module map does not allow, platform code importing a module, and dynamic imports', () => {
    const root = fixture({
      ...base,
      'modules/org/org.service.ts': "export const later = () => import('../calendar/index.js');\n",
      'platform/audit.ts': "import { org } from '../modules/org/index.js';\nexport const o = org;\n",
    });
    expect(checkBoundaries(root).map((v) => `${v.file}:${v.line} ${v.rule}`)).toEqual([
      'src/server/modules/org/org.service.ts:1 module-arrow',
      'src/server/platform/audit.ts:1 platform-below-modules',
    ]);
  });

  it('reports a route file that reaches a repo or a worker instead of a service', () => {
    const root = fixture({
      ...base,
      'modules/org/org.routes.ts': "import * as repo from './org.lookup.repo.js';\nimport { s } from './org.service.js';\nexport const r = [repo, s];\n",
      'modules/org/outbox.worker.ts': 'export const w = 1;\n',
      'modules/auth/oidc.ts': "import { w } from '../org/outbox.worker.js';\nexport const o = w;\n",
    });
    expect(checkBoundaries(root).map((v) => `${v.file}:${v.line} ${v.rule}`)).toEqual([
      'src/server/modules/auth/oidc.ts:1 index-only',
      'src/server/modules/auth/oidc.ts:1 module-arrow',
      'src/server/modules/auth/oidc.ts:1 routes-call-services',
      'src/server/modules/org/org.routes.ts:1 routes-call-services',
    ]);
  });

  it('lets tests, seeds and db/ use the schema, and tests reach other modules through index.ts', () => {
    const root = fixture({
      ...base,
      'modules/calendar/calendar.test.ts':
        "import { agency } from '../../db/schema/index.js';\nimport { org } from '../org/index.js';\nexport const t = [agency, org];\n",
      'modules/calendar/calendar.seed.ts': "import { agency } from '../../db/schema/index.js';\nexport const t = agency;\n",
      'db/seed/index.ts': "import { agency } from '../schema/index.js';\nimport { x } from '../../modules/calendar/index.js';\nexport const t = [agency, x];\n",
    });
    expect(checkBoundaries(root)).toEqual([]);
  });

  it('exits non-zero naming the file and the rule, and holds on this repository', () => {
    const root = fixture({ ...base, 'modules/calendar/calendar.service.ts': "import { agency } from '../../db/schema/index.js';\nexport const x = agency;\n" });
    const run = (dir: string) => {
      try {
        return {
          code: 0,
          out: execFileSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'scripts/check-boundaries.ts'), dir], {
            encoding: 'utf8',
            stdio: 'pipe',
          }),
        };
      } catch (e) {
        const err = e as { status: number; stderr: string };
        return { code: err.status, out: err.stderr };
      }
    };
    const bad = run(root);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('src/server/modules/calendar/calendar.service.ts:1: [schema-in-repo]');
    expect(run(repoRoot)).toEqual({ code: 0, out: 'check-boundaries: module boundaries hold.\n' });
  });
});
