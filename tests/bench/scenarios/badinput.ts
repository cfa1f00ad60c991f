// The bad inputs of issue 8 through each front, in Node: cleanText (lib/segment), parseHtml +
// extract + cleanBlocks (lib/extract, as the CLI reads HTML), and the CLI itself (spawned, like
// `npm run clean -- FILE`). Reports milliseconds and seconds per MB; the target is ≤ 1 s/MB for
// inputs of 0.25 MB or more (smaller ones only report time: their per-MB figure is overhead).
// The CLI's per-MB figure is net of its start-up (Node + tsx), measured on a one-line file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extract, parseHtml } from '../../../lib/extract';
import { cleanBlocks, cleanText } from '../../../lib/segment';
import {
  binaryBytes,
  binaryText,
  htmlPage,
  LONE_SURROGATES,
  nested,
  noPunctuation,
  oneCharBlocks,
  paragraph,
  sameParagraph,
  textOfSize,
  WHITESPACE,
} from '../../unit/hardening/inputs';
import { median, target, type BenchSection, type BenchTarget } from '../util';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const MB = 1024 * 1024;
/** Inputs at least this big (MB) get the ≤ 1 s/MB target. */
const TARGET_FROM = 0.25;

interface Input {
  name: string;
  /** Text for cleanText and the .txt file; absent for DOM-only inputs. */
  text?: string;
  /** The page as HTML for extract and the .html file. */
  html: string;
  /** Raw bytes for the CLI instead of the text/HTML (binary input). */
  bytes?: Uint8Array;
}

const paras = (text: string) =>
  text
    .split('\n\n')
    .map((p) => `<p>${p}</p>`)
    .join('\n');

function inputs(): Input[] {
  const big = textOfSize(10 * MB);
  const chars = oneCharBlocks(100_000).map((b) => b.text);
  const long = noPunctuation((5 * MB) / 3);
  const same = sameParagraph(10_000);
  const binary = binaryText(300_000);
  // Paragraphs that never end a sentence: each is joined to the next (was quadratic until 2026-12-03).
  const digits = (i: number) => [...String(i)].map((d) => '零一二三四五六七八九'[Number(d)]).join('');
  const unended = Array.from({ length: 20_000 }, (_, i) => `这是一段没有句号结尾的很长的文字第${digits(i)}段`).join('\n\n');
  return [
    { name: 'empty', text: '', html: '' },
    { name: 'whitespace only', text: WHITESPACE, html: htmlPage(WHITESPACE) },
    { name: '10 MB of text', text: big, html: htmlPage(paras(big)) },
    { name: '100,000 one-char blocks', text: chars.join('\n\n'), html: htmlPage(chars.map((c) => `<p>${c}</p>`).join('')) },
    { name: '5 MB block, no punctuation', text: long, html: htmlPage(`<p>${long}</p>`) },
    { name: 'binary', text: binary, html: htmlPage(`<p>${binary}</p>`), bytes: binaryBytes(1 * MB) },
    { name: 'lone surrogates', text: LONE_SURROGATES, html: htmlPage(paras(LONE_SURROGATES)) },
    { name: 'same paragraph ×10,000', text: same, html: htmlPage(paras(same)) },
    { name: '20,000 paragraphs, no full stop', text: unended, html: htmlPage(paras(unended)) },
    { name: '5,000-level nested DOM', html: nested(5000, '<div>', '</div>', 20) },
    { name: 'frames', html: `<html><frameset cols="30%,70%"><frame src="a.htm"><frame src="b.htm"></frameset></html>` },
    { name: 'page with no text', html: htmlPage('<img src="a.jpg"><script>var x = 1;</script>') },
  ];
}

/** Median of `runs` timings of fn (ms); big inputs get fewer runs. */
function time(fn: () => unknown, runs: number): number {
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    fn();
    t.push(performance.now() - s);
  }
  return median(t);
}

function cliMs(file: string, runs: number): { ms: number; code: number | null } {
  const t: number[] = [];
  let code: number | null = null;
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    const r = spawnSync(process.execPath, [TSX, 'lib/cli.ts', file], { cwd: ROOT, stdio: ['ignore', 'ignore', 'ignore'], timeout: 300_000, maxBuffer: 1 << 30 });
    t.push(performance.now() - s);
    code = r.status;
  }
  return { ms: median(t), code };
}

const log = (msg: string) => process.stderr.write(`  badinput: ${msg}\n`);
const r2 = (n: number) => Math.round(n * 100) / 100;

export async function run(): Promise<BenchSection[]> {
  const dir = mkdtempSync(join(tmpdir(), 'er-badinput-'));
  const rows: Record<string, string | number>[] = [];
  const targets: BenchTarget[] = [];
  try {
    const tiny = join(dir, 'tiny.txt');
    writeFileSync(tiny, paragraph(1));
    const startup = cliMs(tiny, 5).ms;
    log(`CLI start-up ${Math.round(startup)} ms`);
    for (const input of inputs()) {
      const textBytes = input.text === undefined ? 0 : Buffer.byteLength(input.text);
      const htmlBytes = Buffer.byteLength(input.html);
      const runsFor = (bytes: number) => (bytes > MB ? 3 : 7);
      const add = (front: string, bytes: number, ms: number, outcome: string, extra: Record<string, string | number> = {}) => {
        const mb = bytes / MB;
        const sPerMb = mb >= TARGET_FROM ? ms / 1000 / mb : NaN;
        rows.push({ input: input.name, front, MB: r2(mb), ms: Math.round(ms), 's/MB': Number.isNaN(sPerMb) ? '—' : r2(sPerMb), ...extra, outcome });
        if (mb >= TARGET_FROM) targets.push(target(`${input.name} · ${front}`, sPerMb, 1, 's/MB'));
      };
      if (input.text !== undefined) {
        let out = '';
        const ms = time(() => {
          const p = cleanText(input.text!);
          out = `${p.articles.length} articles, ${p.removed.length} removed`;
        }, runsFor(textBytes));
        add('cleanText', textBytes, ms, out);
      }
      {
        // The browser's path is extract + cleanBlocks on the live DOM; parsing (linkedom) is the CLI's cost only.
        let out = '';
        const parts = { parse: [] as number[], extract: [] as number[], clean: [] as number[] };
        for (let i = 0; i < runsFor(htmlBytes); i++) {
          let t = performance.now();
          const doc = parseHtml(input.html);
          parts.parse.push(performance.now() - t);
          t = performance.now();
          const source = extract(doc);
          parts.extract.push(performance.now() - t);
          t = performance.now();
          const p = cleanBlocks(source);
          parts.clean.push(performance.now() - t);
          out = `${source.template}: ${source.blocks.length} blocks, ${p.articles.length} articles`;
        }
        const [parse, ex, cl] = [median(parts.parse), median(parts.extract), median(parts.clean)];
        add('extract + cleanBlocks', htmlBytes, ex + cl, out, { 'parse ms (linkedom)': Math.round(parse), 'extract ms': Math.round(ex), 'clean ms': Math.round(cl) });
      }
      const file = join(dir, `${rows.length}.${input.text === undefined || input.bytes ? 'html' : 'txt'}`);
      const content = input.bytes ?? (input.text !== undefined ? input.text : input.html);
      writeFileSync(file, content);
      const bytes = typeof content === 'string' ? Buffer.byteLength(content) : content.length;
      const cli = cliMs(file, bytes > MB ? 1 : 3);
      const net = Math.max(0, cli.ms - startup);
      add('CLI, net of start-up', bytes, net, `exit ${cli.code}`, { 'CLI ms with start-up': Math.round(cli.ms) });
      log(`${input.name} done`);
    }
    return [
      {
        title: 'Bad input: seconds per MB through cleanText, extract and the CLI (Node)',
        note:
          `Median of 3 runs for inputs over 1 MB (7 below; the CLI once over 1 MB, 3 times below). s/MB (target ≤ 1) from ${TARGET_FROM} MB up. ` +
          `"extract + cleanBlocks" is the browser's path (the page is already parsed); the parse column is linkedom's cost, paid by the CLI. ` +
          `CLI start-up (Node + tsx on a one-line file, median of 5): ${Math.round(startup)} ms, subtracted.`,
        rows,
        targets,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
