// `npm run bench`: runs every scenario in tests/bench/scenarios/*.ts in one process, prints one
// table per scenario and writes all results to .output/bench/results.json. Machines here are
// shared and noisy: scenarios report medians/percentiles and ratios against a baseline measured
// in the same run, never a single timing.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchSection } from './util';

const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const dir = join(import.meta.dirname, 'scenarios');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const sections: BenchSection[] = [];
let failed = 0;
for (const f of files) {
  const mod = (await import(pathToFileURL(join(dir, f)).href)) as { run: () => Promise<BenchSection[]> };
  process.stderr.write(`bench: ${f}…\n`);
  try {
    for (const s of await mod.run()) {
      sections.push(s);
      printSection(s);
    }
  } catch (e) {
    failed++;
    console.error(`bench ${f} failed:`, e);
  }
}

const out = join(process.cwd(), '.output', 'bench');
mkdirSync(out, { recursive: true });
const result = { date: new Date().toISOString(), node: process.version, sections };
writeFileSync(join(out, 'results.json'), JSON.stringify(result, null, 2) + '\n');
console.log(`\nwrote ${join(out, 'results.json')}`);
const missed = sections.flatMap((s) => s.targets ?? []).filter((t) => !t.pass);
if (missed.length) console.log(`targets missed: ${missed.map((t) => `${t.name} (${t.actual} vs ${t.target})`).join('; ')}`);
process.exit(failed ? 1 : 0);

function printSection(s: BenchSection) {
  console.log(`\n## ${s.title}`);
  if (s.note) console.log(s.note);
  const cols = [...new Set(s.rows.flatMap((r) => Object.keys(r)))];
  const cell = (v: unknown) => (typeof v === 'number' ? fmt(v) : String(v ?? ''));
  const widths = cols.map((c) => Math.max(width(c), ...s.rows.map((r) => width(cell(r[c])))));
  const line = (vals: string[]) => '| ' + vals.map((v, i) => v + ' '.repeat(widths[i]! - width(v))).join(' | ') + ' |';
  console.log(line(cols));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const r of s.rows) console.log(line(cols.map((c) => cell(r[c]))));
  for (const t of s.targets ?? []) console.log(`${t.pass ? 'PASS' : 'MISS'}  ${t.name}: ${t.actual} (target ${t.target})`);
}
function fmt(n: number) {
  return Number.isInteger(n) ? String(n) : n < 0.01 ? n.toExponential(2) : n < 10 ? n.toFixed(3) : n.toFixed(1);
}
/** Display width: CJK characters take two columns. */
function width(s: string) {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
