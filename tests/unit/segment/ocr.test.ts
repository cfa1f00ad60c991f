// English OCR (Chronicling America / Viral Texts samples in ../shared/samples/ocr): line joins,
// de-hyphenation, repeated lines removed, headlines split from body, and never worse than the raw
// text, measured: no input text lost, fewer lines that stop mid-sentence, fewer blocks.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../../lib/segment';
import { en } from '../../../lib/segment/rules/en';
import { endsMidSentence, matchKey } from '../../../lib/segment/text';
import type { CleanPage } from '../../../lib/types';
import { outputKey } from './helpers';

const dir = join(__dirname, '../../../../shared/samples/ocr');
const txt = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.txt')).sort() : [];
const read = (f: string) => readFileSync(join(dir, f), 'utf8');

/** The Viral Texts passages (<ROW><fixed>…</fixed><text>…</text>), entities decoded. */
function viralRows(): { fixed: boolean; text: string }[] {
  const xml = existsSync(dir) ? readdirSync(dir).find((f) => f.endsWith('.xml')) : undefined;
  if (!xml) return [];
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return [...read(xml).matchAll(/<ROW>([\s\S]*?)<\/ROW>/g)].map((m) => ({
    fixed: /<fixed>true<\/fixed>/.test(m[1]!),
    text: decode(/<text>([\s\S]*?)<\/text>/.exec(m[1]!)?.[1] ?? ''),
  }));
}

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);
const paragraphs = (page: CleanPage) => page.articles.flatMap((a) => a.body.filter((b) => b.type === 'paragraph').map((b) => b.text));
const brokenShare = (texts: string[]) => texts.filter((t) => endsMidSentence(t, en)).length / Math.max(1, texts.length);

describe('English OCR samples', () => {
  it('has the samples', () => {
    expect(txt.length).toBeGreaterThanOrEqual(2);
  });

  for (const f of txt) {
    describe(f, () => {
      const raw = read(f);
      const page = cleanText(raw);

      it('loses no input text: every raw line is in an article or in removed', () => {
        const out = outputKey(page);
        const lost = lines(raw).filter((l) => !out.includes(matchKey(l)));
        expect(lost).toEqual([]);
      });

      it('joins wrapped lines: fewer blocks, and a smaller share of them stop mid-sentence', () => {
        const rawLines = lines(raw);
        const paras = paragraphs(page);
        expect(paras.length).toBeLessThan(rawLines.length * 0.6);
        expect(brokenShare(paras)).toBeLessThan(brokenShare(rawLines) * 0.7);
      });

      it('removes repeated lines (the page with some of its lines printed again)', () => {
        const again = lines(raw).filter((l) => l.split(/\s+/).length >= 4 && l.length >= 25).slice(10, 20);
        const doubled = cleanText(raw.trimEnd() + '\n' + again.join('\n'));
        const dups = doubled.removed.filter((r) => r.reason === 'duplicate');
        expect(dups.length).toBeGreaterThanOrEqual(again.length);
        expect(paragraphs(doubled).length).toBeLessThanOrEqual(paragraphs(page).length);
      });
    });
  }

  it('splits headlines from the body where the page shows them', () => {
    const f = txt.find((n) => n.includes('sn84022835'));
    if (!f) return;
    const heads = cleanText(read(f)).articles.flatMap((a) => [a.kicker, a.title, a.subtitle]);
    expect(heads).toContain("It Isn't Hard To Save");
    expect(heads).toContain('City "Dads" Hold Meeting');
  });

  it('undoes line-break hyphens in the Viral Texts passages (mo-\\nment → moment)', () => {
    const rows = viralRows();
    expect(rows.length).toBeGreaterThan(0);
    let checked = 0;
    for (const row of rows) {
      const pairs = [...row.text.matchAll(/([A-Za-z]+)-\n([a-z]+)/g)];
      if (pairs.length === 0) continue;
      const out = cleanText(row.text);
      const body = out.articles.flatMap((a) => [a.title, ...a.body.map((b) => b.text)]).join('\n');
      for (const [, left, right] of pairs) {
        expect(body).toContain(`${left}${right}`);
        checked++;
      }
      expect(body).not.toMatch(/[a-z]-\n[a-z]/);
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('never makes a Viral Texts passage worse: nothing lost, fewer broken blocks', () => {
    for (const row of viralRows()) {
      const out = cleanText(row.text);
      const key = outputKey(out);
      for (const l of lines(row.text)) expect(key).toContain(matchKey(l));
      const paras = paragraphs(out);
      expect(paras.length).toBeLessThanOrEqual(lines(row.text).length);
    }
  });
});
