// Founder's metadata comment: document → { key: value } from `<!--enpproperty <key>value</key>… /enpproperty-->`.
// Keys are lower-cased and lose the "founder-" prefix, so both dialects read the same:
// `<founder-title>` (classic) and `<title>` (PC) are both "title".
import { pushChildren } from './dom-blocks';

export type EnpProperty = Record<string, string>;

/** Parse the text of one enpproperty comment. */
export function parseEnpProperty(comment: string): EnpProperty {
  const out: EnpProperty = {};
  const body = comment.replace(/^\s*enpproperty/i, '').replace(/\/enpproperty\s*$/i, '');
  for (const m of body.matchAll(/<([A-Za-z][\w-]*)>([\s\S]*?)<\/\1>/g)) {
    const key = m[1]!.toLowerCase().replace(/^founder-/, '');
    const value = m[2]!.replace(/[\s\u00a0]+/g, ' ').trim();
    if (!(key in out) || (!out[key] && value)) out[key] = value;
  }
  return out;
}

/** All enpproperty comments of a document merged (first non-empty value wins). Iterative: deep DOMs are fine. */
export function readEnpProperty(doc: Document): EnpProperty {
  const out: EnpProperty = {};
  const stack: Node[] = [doc];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeType === 8) {
      const data = (node as Comment).data;
      if (/^\s*enpproperty/i.test(data)) {
        for (const [k, v] of Object.entries(parseEnpProperty(data))) if (!out[k] && (v || !(k in out))) out[k] = v;
      }
      continue;
    }
    pushChildren(stack, node);
  }
  return out;
}
