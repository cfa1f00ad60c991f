// Bad input to the CLI (`npm run clean -- FILE`, i.e. tsx lib/cli.ts FILE), spawned as a user runs
// it: every bad file ends either in exit 0 with a CleanPage on stdout, or in exit 2 with one
// line on stderr saying what is wrong and nothing on stdout. Never a stack trace, never a hang.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CleanPage } from '../../../lib/types';
import { binaryBytes, htmlPage, nested, noPunctuation, paragraph, paragraphNumbers, sameParagraph, textOfSize, WHITESPACE } from './inputs';

const ROOT = resolve(__dirname, '..', '..', '..');
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const HEAVY = 120_000;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'er-cli-hardening-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], timeoutMs = 100_000): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [TSX, 'lib/cli.ts', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`the CLI did not finish within ${timeoutMs} ms for ${args.join(' ')}`));
    }, timeoutMs);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Exit 2, nothing on stdout, exactly one line on stderr that matches `message`. */
function expectRefused(run: Run, message: RegExp) {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.endsWith('\n')).toBe(true);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(/^clean: /);
  expect(run.stderr).toMatch(message);
  expect(run.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
}

/** Exit 0, a CleanPage as JSON on stdout, nothing on stderr. */
function expectPage(run: Run): CleanPage {
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const page = JSON.parse(run.stdout) as CleanPage;
  expect(Array.isArray(page.articles)).toBe(true);
  expect(Array.isArray(page.removed)).toBe(true);
  return page;
}

const allText = (page: CleanPage) =>
  [...page.articles.flatMap((a) => [a.kicker, a.title, a.subtitle, a.byline, a.dateline, ...a.body.map((b) => b.text), a.credit]), ...page.removed.map((r) => r.text)]
    .filter((s): s is string => typeof s === 'string')
    .join('\n');

describe('CLI on bad input', () => {
  it('refuses unreadable input with one line saying what is wrong', async () => {
    mkdirSync(join(dir, 'folder.txt'));
    const cases: [string, RegExp][] = [
      [file('empty.txt', ''), /empty/],
      [file('empty.html', ''), /empty/],
      [file('blank.txt', ' \n\n\t\u3000\u3000\u00a0\r\n'), /no text/],
      [file('binary.txt', binaryBytes(100_000)), /binary/],
      [file('binary.html', binaryBytes(100_000)), /binary/],
      [join(dir, 'missing.txt'), /cannot read .*missing\.txt: ENOENT/],
      [join(dir, 'folder.txt'), /cannot read .*folder\.txt: EISDIR/],
    ];
    for (const [path, message] of cases) expectRefused(await cli([path]), message);
    // Only zero-width characters and BOMs: refused as having no text, or an empty page; never a throw.
    const invisible = await cli([file('invisible.txt', WHITESPACE)]);
    if (invisible.code === 2) expectRefused(invisible, /no text/);
    else expect(expectPage(invisible).articles).toEqual([]);
    expectRefused(await cli([]), /no FILE/);
    expectRefused(await cli(['--format', 'yaml', cases[0]![0]]), /unknown format/);
  }, HEAVY);

  it('pages with no text or only frames: exit 2, nothing to clean; 5,000-level nesting: exit 0 with the text', async () => {
    expectRefused(await cli([file('blank.html', htmlPage(WHITESPACE))]), /no text to clean/);
    expectRefused(await cli([file('images.html', htmlPage('<img src="a.jpg"><img src="b.jpg">'))]), /no text to clean/);
    const frames = file('frames.htm', '<html><frameset cols="30%,70%"><frame src="a.htm"><frame src="b.htm"></frameset></html>');
    expectRefused(await cli(['--url', 'http://epaper.example.cn/html/2024-01/01/node_2.htm', frames]), /no text to clean/);
    const deep = expectPage(await cli([file('deep.html', nested(5000))]));
    for (const i of [0, 1, 2, 3]) expect(allText(deep)).toContain(paragraph(i));
    const md = await cli(['--format', 'markdown', file('deep2.html', nested(5000, '<table><tr><td>', '</td></tr></table>'))]);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain(paragraph(2));
  }, HEAVY);

  it('10 MB of text: every paragraph in the output', async () => {
    const text = textOfSize(10 * 1024 * 1024);
    const page = expectPage(await cli([file('big.txt', text)]));
    const seen = new Set(paragraphNumbers(allText(page)));
    expect(paragraphNumbers(text).filter((n) => !seen.has(n))).toEqual([]);
  }, HEAVY);

  it('a 5 MB block with no punctuation, 100,000 one-character lines, one paragraph 10,000 times', async () => {
    const long = noPunctuation((5 * 1024 * 1024) / 3);
    expect(allText(expectPage(await cli([file('long.txt', long)])))).toContain(long);
    const chars = expectPage(await cli([file('chars.txt', Array.from({ length: 100_000 }, (_, i) => '的一是工会职工。'[i % 8]).join('\n'))]));
    expect(allText(chars).replace(/\s/g, '').length).toBeGreaterThan(0);
    const same = expectPage(await cli([file('same.txt', sameParagraph(10_000))]));
    expect(same.articles.flatMap((a) => a.body.map((b) => b.text))).toEqual([paragraph(7)]);
    expect(same.removed).toHaveLength(9999);
  }, HEAVY);

  it('bytes that are not UTF-8 (lone-surrogate encodings, stray continuation bytes): a result with U+FFFD, valid JSON', async () => {
    const bytes = Buffer.concat([Buffer.from('\xed\xa0\x80', 'latin1'), Buffer.from(paragraph(1)), Buffer.from('\n\n\x80\xbf\xfe\xff\n\n', 'latin1'), Buffer.from(paragraph(2))]);
    const run = await cli([file('surrogates.txt', bytes)]);
    const page = expectPage(run);
    expect(allText(page)).toContain(paragraph(1));
    expect(allText(page)).toContain(paragraph(2));
    expect(run.stdout.isWellFormed()).toBe(true);
  }, HEAVY);
});
