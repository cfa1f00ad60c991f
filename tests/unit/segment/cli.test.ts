// The CLI, spawned as users run it (node + tsx): JSON/Markdown on stdout, exit 2 + one stderr line on bad input.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CleanPage } from '../../../lib/types';

const root = join(__dirname, '../../..');
const seed = join(root, 'seeds/000_eb3ad0464bd81ecb.txt');
const tmp = mkdtempSync(join(tmpdir(), 'segment-cli-'));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'lib/cli.ts'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('cli', () => {
  it('prints the seed page as CleanPage JSON and nothing else', () => {
    const r = cli(seed);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const page = JSON.parse(r.out) as CleanPage;
    expect(page.articles.filter((a) => a.kind === 'article')).toHaveLength(8);
    expect(page.articles.filter((a) => a.kind === 'caption')).toHaveLength(3);
    expect(r.out).toBe(JSON.stringify(page, null, 2) + '\n');
  });

  it('prints Markdown with one ## section per article', () => {
    const r = cli('--format', 'markdown', seed);
    expect(r.code).toBe(0);
    expect(r.out.startsWith('# ')).toBe(true);
    expect(r.out).toContain('## 工会“金秋助学”护航逐梦');
    expect(r.out).toContain('- byline: 通讯员 王娜 记者 丁彬彬');
    expect(r.out.match(/^## /gm)).toHaveLength(13);
  });

  it('records --url in the page source', () => {
    const r = cli('--url', 'http://epaper.example.com/html/2024-01/01/content_1.htm', seed);
    expect((JSON.parse(r.out) as CleanPage).source.url).toBe('http://epaper.example.com/html/2024-01/01/content_1.htm');
  });

  it('reads an HTML page through lib/extract, then the rules (a real Founder article page)', () => {
    const file = join(root, '../shared/samples/epaper/founder-classic_article_sxjjrb_2024-11-06_content_279424.htm');
    if (!existsSync(file)) return;
    const r = cli(file);
    expect(r.code).toBe(0);
    const page = JSON.parse(r.out) as CleanPage;
    expect(page.articles[0]).toMatchObject({ kind: 'article', dateline: '本报太原11月5日讯', byline: '记者 翟步庭' });
    expect(page.articles[0]!.body[0]!.text.startsWith('“千村示范、万村整治”工程')).toBe(true);
  });

  it('--help prints usage and exits 0', () => {
    const r = cli('--help');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^usage: npm run --silent clean -- \[--format json\|markdown\] \[--url URL\] FILE/);
  });

  it.each([
    ['a missing file', [join(tmp, 'nope.txt')], /cannot read/],
    ['an empty file', ['empty.txt'], /empty/],
    ['a blank file', ['blank.txt'], /no text/],
    ['a binary file', ['binary.txt'], /binary/],
    ['an HTML page without text', ['blank.html'], /no text to clean/],
    ['an unknown option', ['--frobnicate', seed], /unknown option/],
    ['an unknown format', ['--format', 'pdf', seed], /unknown format/],
    ['no file', [], /no FILE/],
  ])('exits 2 with one line on stderr for %s', (_name, args, message) => {
    writeFileSync(join(tmp, 'empty.txt'), '');
    writeFileSync(join(tmp, 'blank.txt'), ' \n\u3000\n');
    writeFileSync(join(tmp, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]));
    writeFileSync(join(tmp, 'blank.html'), '<!doctype html><html><head><title>x</title></head><body><div> </div><script>var a = 1;</script></body></html>');
    const r = cli(...(args as string[]).map((a) => (/\.(txt|html)$/.test(a) && !a.includes('/') ? join(tmp, a) : a)));
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(message);
  });
});
