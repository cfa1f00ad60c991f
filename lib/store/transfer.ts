// Export/import formats: the versioned JSON envelope (every field, trash included), its zod
// schema, and the combined Markdown file.
import * as z from 'zod/mini';
import { en } from 'zod/v4/locales';
import { articleToMarkdown, escapeMd } from '../format';
import type { Clip, ExportEnvelope } from './types';

// zod/mini (~19 KB with the English messages) rather than classic zod (~440 KB minified): the
// store is bundled into the background and the side panel.
z.config(en());

export const EXPORT_FORMAT = 'epaper-reader-clips' as const;
export const EXPORT_VERSION = 1;

const nullableText = z.nullable(z.string());
const time = z.number().check(z.nonnegative());
const kind = z.enum(['article', 'caption', 'notice', 'advert']);
const body = z.array(z.object({ type: z.enum(['paragraph', 'subhead']), text: z.string() }));

/** The Article part of a clip or of a saveClips input. */
export const ArticleSchema = z.object({
  kind,
  kicker: nullableText,
  title: z.string(),
  subtitle: nullableText,
  byline: nullableText,
  dateline: nullableText,
  body,
  credit: nullableText,
  truncated: z.boolean(),
  continuedOn: nullableText,
});

/** One exported clip. Unknown extra fields are dropped; missing tags/note/deletedAt get defaults. */
export const ClipSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  kind,
  kicker: nullableText,
  title: z.string(),
  subtitle: nullableText,
  byline: nullableText,
  dateline: nullableText,
  body,
  credit: nullableText,
  truncated: z.boolean(),
  continuedOn: nullableText,
  url: nullableText,
  paper: nullableText,
  date: z.nullable(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD'))),
  page: nullableText,
  savedAt: time,
  updatedAt: time,
  tags: z._default(z.array(z.string()), []),
  note: z._default(z.string(), ''),
  key: z.string(),
  deletedAt: z._default(z.nullable(time), null),
});

export const EnvelopeSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.number().check(z.int(), z.minimum(1), z.maximum(EXPORT_VERSION)),
  exportedAt: z.number(),
  clips: z.array(z.unknown()),
});

/** The clip with its fields in one fixed order (so the same clips always give the same JSON). */
export function canonicalClip(c: Clip): Clip {
  return {
    id: c.id,
    kind: c.kind,
    kicker: c.kicker,
    title: c.title,
    subtitle: c.subtitle,
    byline: c.byline,
    dateline: c.dateline,
    body: c.body.map((b) => ({ type: b.type, text: b.text })),
    credit: c.credit,
    truncated: c.truncated,
    continuedOn: c.continuedOn,
    url: c.url,
    paper: c.paper,
    date: c.date,
    page: c.page,
    savedAt: c.savedAt,
    updatedAt: c.updatedAt,
    tags: [...c.tags],
    note: c.note,
    key: c.key,
    deletedAt: c.deletedAt,
  };
}

/** Export order: oldest saved first, id breaking ties. */
export function exportOrder(a: Clip, b: Clip): number {
  return a.savedAt - b.savedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function envelopeOf(clips: Clip[], exportedAt: number): ExportEnvelope {
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt, clips: [...clips].sort(exportOrder).map(canonicalClip) };
}

/** One zod issue as a short human reason: "title: expected string". */
export function reasonOf(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || '(record)'}: ${i.message}`)
    .join('; ');
}

/**
 * All live clips in one Markdown file: a `#` header, then one `##` section per clip with its
 * tags and note. One file rather than a zip of files: it opens in any editor or viewer, needs
 * no zip library in the extension, and stays searchable as a whole. The trash is not exported
 * to Markdown (it is for reading); the JSON export keeps everything.
 */
export function clipsToMarkdown(clips: Clip[], exportedAt: number): string {
  const live = clips.filter((c) => c.deletedAt === null).sort(exportOrder);
  const head = `# 剪报 Clippings\n\n- exported: ${new Date(exportedAt).toISOString()}\n- clips: ${live.length}\n`;
  const parts = [head];
  for (const c of live) {
    let md = articleToMarkdown(c, { paper: c.paper ?? undefined, date: c.date ?? undefined, page: c.page ?? undefined, url: c.url ?? undefined }, 2);
    const extra: string[] = [];
    if (c.tags.length) extra.push(`- tags: ${c.tags.map(escapeMd).join(', ')}`);
    if (c.note) extra.push(`- note: ${escapeMd(c.note.replace(/\s*\n\s*/g, ' '))}`);
    extra.push(`- saved: ${new Date(c.savedAt).toISOString()}`);
    md = md.replace(/\n$/, '') + '\n\n' + extra.join('\n') + '\n';
    parts.push(md);
  }
  return parts.join('\n');
}
