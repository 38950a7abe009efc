/**
 * Guard: the web app takes its request and response shapes from src/shared/api-types.ts (derived
 * from the server's TypeBox schemas) and declares no copy of them. A copy drifts from the server
 * without anybody noticing; this test fails as soon as one comes back.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const WEB = fileURLToPath(new URL('.', import.meta.url));
const SHARED_TYPES = fileURLToPath(new URL('../shared/api-types.ts', import.meta.url));

/** The type names src/shared/api-types.ts exports (`export type X = …` and `export type { X } from`). */
function sharedTypeNames(): Set<string> {
  const text = readFileSync(SHARED_TYPES, 'utf8');
  const names = new Set<string>();
  for (const m of text.matchAll(/^export type ([A-Za-z_$][\w$]*)/gm)) names.add(m[1]);
  for (const m of text.matchAll(/^export type \{([^}]*)\} from/gm)) {
    for (const part of m[1].split(',')) {
      const name = part
        .trim()
        .split(/\s+as\s+/)
        .pop();
      if (name) names.add(name);
    }
  }
  return names;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

/** Every `interface X` and `type X =` declared in a file, with its line. */
function declarations(file: string): { name: string; line: number }[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const out: { name: string; line: number }[] = [];
  lines.forEach((text, i) => {
    const m = /^\s*(?:export\s+)?(?:declare\s+)?(?:interface|type)\s+([A-Za-z_$][\w$]*)/.exec(text);
    if (m) out.push({ name: m[1], line: i + 1 });
  });
  return out;
}

/** The feature modules that call the API: features/x/x-api.ts (and workforce/api.ts). */
const isApiModule = (file: string): boolean => /features\/[^/]+\/(?:[\w-]+-)?api\.ts$/.test(relative(WEB, file).replaceAll('\\', '/'));

describe('wire types come from src/shared/api-types.ts', () => {
  const shared = sharedTypeNames();
  const files = sourceFiles(WEB);

  it('finds the shared types and the web sources', () => {
    expect(shared.size).toBeGreaterThan(50);
    expect(shared.has('DossierDetail')).toBe(true);
    expect(files.some(isApiModule)).toBe(true);
  });

  it('src/web declares no type named like a shared wire type', () => {
    const copies = files.flatMap((f) =>
      declarations(f)
        .filter((d) => shared.has(d.name))
        .map((d) => `${relative(WEB, f)}:${d.line} ${d.name}`),
    );
    expect(copies).toEqual([]);
  });

  it('the *-api.ts modules declare no shapes at all (they call the API with the shared types)', () => {
    const declared = files.filter(isApiModule).flatMap((f) => declarations(f).map((d) => `${relative(WEB, f)}:${d.line} ${d.name}`));
    expect(declared).toEqual([]);
  });
});
