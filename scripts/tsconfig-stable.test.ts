/**
 * `next build` adds its type folders to tsconfig.json's include when they are missing (exact strings, one pair per
 * build folder), so a build into a folder tsconfig does not name rewrites a tracked file. Every folder this project's
 * scripts build into is named there already: the build leaves tsconfig.json alone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');
const tsconfig = JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8')) as { include: string[] };

/** Next's own patterns for a build folder (next/dist/lib/typescript/type-paths.js), outside development mode. */
const nextTypeGlobs = (dist: string) => [`${dist}/types/**/*.ts`, `${dist}/dev/types/**/*.ts`];

/** Build folders named in scripts: NEXT_DIST_DIR defaults such as `?? '.next-board'`, plus Next's own .next. */
function buildFolders(): string[] {
  const found = new Set(['.next']);
  for (const f of readdirSync(join(ROOT, 'scripts'))) {
    if (!/\.(ts|mjs)$/.test(f) || f.endsWith('.test.ts')) continue;
    for (const m of readFileSync(join(ROOT, 'scripts', f), 'utf8').matchAll(/['"](\.next-[a-z0-9-]+)['"]/g))
      found.add(m[1]!);
  }
  return [...found].sort();
}

describe('tsconfig.json', () => {
  it('names the type folders of every build folder the scripts use, so that next build does not rewrite it', () => {
    const folders = buildFolders();
    expect(folders).toEqual(expect.arrayContaining(['.next', '.next-bench', '.next-board', '.next-map']));
    for (const dist of folders)
      for (const glob of nextTypeGlobs(dist)) expect(tsconfig.include, `${dist}: ${glob}`).toContain(glob);
  });

  it('matches what Next itself computes for a build folder', async () => {
    const { getTypeDefinitionGlobPatterns } = (await import('next/dist/lib/typescript/type-paths.js')) as {
      getTypeDefinitionGlobPatterns: (d: string) => string[];
    };
    expect([...getTypeDefinitionGlobPatterns('.next-board')].sort()).toEqual([...nextTypeGlobs('.next-board')].sort());
  });
});
