// Plain-text and Markdown renderings of articles, shared by the CLI, the side panel
// ("copy as Markdown") and the store's Markdown export. Output is text, never HTML.
import type { Article, CleanPage, SourcePage } from './types';

type Meta = Pick<SourcePage, 'paper' | 'date' | 'page' | 'url'>;

/** The article as reading text: kicker, title, subtitle, byline line, body; blank lines between blocks. */
export function articleToPlainText(a: Article): string {
  const out: string[] = [];
  if (a.kicker) out.push(a.kicker);
  if (a.title) out.push(a.title);
  if (a.subtitle) out.push(a.subtitle);
  const by = bylineLine(a);
  if (by) out.push(by);
  for (const item of a.body) out.push(item.text);
  if (a.kind === 'caption' && a.credit) out.push(`${a.credit} 摄`);
  if (a.continuedOn) out.push(`(下转${a.continuedOn})`);
  return out.join('\n\n');
}

/**
 * "本报讯(通讯员 王娜 记者 丁彬彬)" style line, or null. An agency's dateline (…电, …讯 not of 本报)
 * is printed in 【】, as many papers do, so cleaning this text again reads it as a dateline whatever
 * its wording (新华社淮阴十四电, 长治十四日电).
 */
export function bylineLine(a: Pick<Article, 'byline' | 'dateline'>): string | null {
  const d = a.dateline && /[电讯]$/.test(a.dateline) && !a.dateline.startsWith('本报') ? `【${a.dateline}】` : a.dateline;
  if (d && a.byline) return `${d}(${a.byline})`;
  return d ?? a.byline ?? null;
}

/** A Markdown section: `## title`, then the fields as plain lines. Markdown specials in page text are escaped. */
export function articleToMarkdown(a: Article, meta: Meta = {}, level = 2): string {
  const hashes = '#'.repeat(level);
  const lines: string[] = [];
  const heading = a.title || (a.kind === 'caption' ? '(图片说明)' : '(无标题)');
  lines.push(`${hashes} ${escapeMd(heading)}`);
  lines.push('');
  const facts: string[] = [];
  if (a.kind !== 'article') facts.push(`kind: ${a.kind}`);
  if (a.kicker) facts.push(`引题: ${escapeMd(a.kicker)}`);
  if (a.subtitle) facts.push(`副题: ${escapeMd(a.subtitle)}`);
  if (a.dateline) facts.push(`dateline: ${escapeMd(a.dateline)}`);
  if (a.byline) facts.push(`byline: ${escapeMd(a.byline)}`);
  if (a.credit) facts.push(`credit: ${escapeMd(a.credit)}`);
  const where = [meta.paper, meta.date, meta.page].filter(Boolean).join(' · ');
  if (where) facts.push(`source: ${escapeMd(where)}`);
  if (meta.url) facts.push(`url: <${meta.url.replace(/[<>\s]/g, encodeURIComponent)}>`);
  if (a.truncated) facts.push(a.continuedOn ? `continued on: ${escapeMd(a.continuedOn)}` : 'truncated: yes');
  for (const f of facts) lines.push(`- ${f}`);
  if (facts.length) lines.push('');
  for (const item of a.body) {
    lines.push(item.type === 'subhead' ? `**${escapeMd(item.text)}**` : escapeMd(item.text));
    lines.push('');
  }
  return lines.join('\n').replace(/\n+$/, '\n');
}

/** The whole page: a `#` header with the page's metadata, then one `##` section per article. */
export function pageToMarkdown(page: CleanPage): string {
  const s = page.source;
  const head = [s.paper, s.date, s.page].filter(Boolean).join(' · ') || 'Clean page';
  const parts = [`# ${escapeMd(head)}\n`];
  for (const a of page.articles) parts.push(articleToMarkdown(a, {}, 2));
  if (s.pageType === 'layout' && s.links?.length) {
    parts.push('## 本版文章 / Articles on this page\n');
    parts.push(s.links.map((l) => `- [${escapeMd(l.title)}](<${l.url}>)`).join('\n') + '\n');
  }
  return parts.join('\n');
}

/** Escape characters Markdown would interpret, so page text stays literal text. */
export function escapeMd(text: string): string {
  return text.replace(/([\\`*_{}[\]<>#|!])/g, '\\$1').replace(/^(\s*)([-+]|\d+\.)(\s)/, '$1\\$2$3');
}
