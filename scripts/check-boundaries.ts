/**
 * Module boundaries of the server, checked by `npm run lint` (docs/ARCHITECTURE.md, "Module map"):
 *
 * - `index-only`: code outside `modules/<m>/` imports that module only through `modules/<m>/index.ts`;
 * - `module-arrow`: a module imports only the modules it may use (MODULE_ARROWS; tests excepted);
 * - `platform-below-modules`: `platform/` never imports a module;
 * - `routes-call-services`: route files (`*.routes.ts`, `auth/oidc.ts`) import no repo and no worker;
 * - `schema-in-repo`: only `*.repo.ts` files touch the `db/schema` tables, besides `db/` itself,
 *   the test harness and tests, seeds (`*.seed.ts`, `*.demo.ts`), the audit-chain writer
 *   (`platform/audit.ts`) and the CLI's data commands (`cli-commands.ts`).
 *
 * It reads the relative import specifiers of every .ts/.tsx file under `src/server` (static,
 * `export … from`, side-effect and dynamic `import()`), resolves them to files and applies the
 * rules to the resolved paths. Usage: `tsx scripts/check-boundaries.ts [root]` (exit 1 on a finding).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Which module may import which (through its index.ts). A module not listed here may import none. */
export const MODULE_ARROWS: Record<string, readonly string[]> = {
  auth: [],
  meta: [],
  audit: [],
  org: ['auth'],
  calendar: ['org'],
  procedures: ['org'],
  workforce: ['org', 'calendar'],
  dossiers: ['org', 'calendar', 'procedures', 'auth'],
  conduct: ['org', 'calendar', 'workforce'],
};

export type Rule = 'index-only' | 'module-arrow' | 'platform-below-modules' | 'schema-in-repo' | 'routes-call-services';
export interface Violation {
  file: string;
  line: number;
  specifier: string;
  rule: Rule;
  message: string;
}

const SERVER = 'src/server';
const SKIP_DIRS = new Set(['node_modules', 'migrations']);
const IMPORT_RE = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)(['"])(\.{1,2}\/[^'"]*)\1/gm;

const isTest = (rel: string): boolean => /\.test\.tsx?$|\.test-(helpers|support)\.ts$/.test(rel) || rel.startsWith('test/');
const SCHEMA_ALLOWED: readonly ((rel: string) => boolean)[] = [
  (r) => r.endsWith('.repo.ts'),
  (r) => r.startsWith('db/'),
  isTest,
  (r) => /\.(seed|demo)\.ts$/.test(r),
  (r) => r === 'platform/audit.ts',
  (r) => r === 'cli-commands.ts',
];

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      if (!SKIP_DIRS.has(name)) out.push(...listFiles(full));
    } else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

/** The file an import specifier names, relative to src/server (`x.js` → `x.ts`, a folder → its index). */
function resolveTarget(serverDir: string, fromFile: string, specifier: string): string {
  const abs = path.resolve(path.dirname(fromFile), specifier);
  const candidates = [abs.replace(/\.js$/, '.ts'), abs.replace(/\.js$/, '.tsx'), abs, `${abs}.ts`, path.join(abs, 'index.ts')];
  const found = candidates.find((c) => {
    try {
      return statSync(c).isFile();
    } catch {
      return false;
    }
  });
  return path
    .relative(serverDir, found ?? candidates[0])
    .split(path.sep)
    .join('/');
}

const isRouteFile = (rel: string): boolean => rel.endsWith('.routes.ts') || rel === 'modules/auth/oidc.ts';
const moduleOf = (rel: string): string | undefined => /^modules\/([^/]+)\//.exec(rel)?.[1];

/** Every boundary violation in the server under `root` (the repository root). */
export function checkBoundaries(root: string): Violation[] {
  const serverDir = path.join(root, SERVER);
  const out: Violation[] = [];
  for (const file of listFiles(serverDir)) {
    const rel = path.relative(serverDir, file).split(path.sep).join('/');
    const from = moduleOf(rel);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT_RE)) {
      const specifier = m[2];
      const target = resolveTarget(serverDir, file, specifier);
      if (target.startsWith('..')) continue;
      const line = text.slice(0, m.index).split('\n').length;
      const report = (rule: Rule, message: string) => out.push({ file: `${SERVER}/${rel}`, line, specifier, rule, message });
      const to = moduleOf(target);
      if (to && to !== from) {
        if (target !== `modules/${to}/index.ts`) report('index-only', `imports ${target}: another module is reached only through modules/${to}/index.ts`);
        if (from && !isTest(rel) && !(MODULE_ARROWS[from] ?? []).includes(to))
          report('module-arrow', `module ${from} may not import module ${to} (allowed: ${(MODULE_ARROWS[from] ?? []).join(', ') || 'none'})`);
        if (rel.startsWith('platform/')) report('platform-below-modules', `platform code imports module ${to}: platform/ stays below the modules`);
      }
      if (isRouteFile(rel) && /\.(repo|worker)\.ts$/.test(target))
        report('routes-call-services', `imports ${target}: routes call services, never repos or workers`);
      if (target.startsWith('db/schema/') && !SCHEMA_ALLOWED.some((ok) => ok(rel)))
        report('schema-in-repo', `imports ${target}: only *.repo.ts files touch the db/schema tables`);
    }
  }
  return out;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const root = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
  const found = checkBoundaries(root);
  for (const v of found) console.error(`${v.file}:${v.line}: [${v.rule}] '${v.specifier}' ${v.message}`);
  if (found.length) {
    console.error(`check-boundaries: ${found.length} violation(s) of the module boundaries (docs/ARCHITECTURE.md, "Module map").`);
    process.exit(1);
  }
  console.log('check-boundaries: module boundaries hold.');
}
