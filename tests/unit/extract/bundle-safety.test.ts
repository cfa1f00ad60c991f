// The content script imports lib/extract/extract.ts: nothing it reaches may import linkedom (Node-only,
// large) or the Node parse-html module. Walks the static imports of the TypeScript sources.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const LIB = join(__dirname, '..', '..', '..', 'lib');

function importsOf(file: string): string[] {
  const src = readFileSync(file, 'utf8');
  return [...src.matchAll(/^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm), ...src.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1]!);
}

function reachable(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const todo = [entry];
  while (todo.length) {
    const f = todo.pop()!;
    if (files.has(f)) continue;
    files.add(f);
    for (const spec of importsOf(f)) {
      if (!spec.startsWith('.')) {
        packages.add(spec);
        continue;
      }
      const base = resolve(dirname(f), spec);
      const file = [base, `${base}.ts`, join(base, 'index.ts')].find((p) => existsSync(p) && p.endsWith('.ts'));
      if (file) todo.push(file);
    }
  }
  return { files, packages };
}

describe('browser bundle safety', () => {
  it('lib/extract/extract.ts does not reach linkedom or parse-html', () => {
    const { files, packages } = reachable(join(LIB, 'extract', 'extract.ts'));
    expect([...packages]).not.toContain('linkedom');
    expect([...files].some((f) => f.endsWith('parse-html.ts'))).toBe(false);
    expect([...packages].filter((p) => !p.startsWith('node:'))).toEqual(['@mozilla/readability']);
    expect(files.size).toBeGreaterThan(10);
  });

  it('lib/extract/index.ts (Node) does include parseHtml', () => {
    const { files } = reachable(join(LIB, 'extract', 'index.ts'));
    expect([...files].some((f) => f.endsWith('parse-html.ts'))).toBe(true);
  });

  it('no lib/extract source touches innerHTML/outerHTML setters', () => {
    const { files } = reachable(join(LIB, 'extract', 'index.ts'));
    for (const f of files) expect(readFileSync(f, 'utf8')).not.toMatch(/\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML/);
  });
});
