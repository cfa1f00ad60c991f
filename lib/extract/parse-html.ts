// HTML text → Document for Node (CLI, tests) with linkedom. Not for the browser bundle: the content
// script imports lib/extract/extract.ts, which never imports this file.
import { DOMParser } from 'linkedom';

/**
 * A fragment saved out of a JSON string (`<p style=\"…\">…<\u002Fp>`): unescape it so it parses
 * as HTML. Only fragments (no <html>/<body>) that show the JSON escapes are touched.
 */
function unescapeJsonFragment(html: string): string {
  if (/<(html|body)[\s>]/i.test(html) || !/\\u002F|\\"|\\\//i.test(html)) return html;
  return html
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\\([\\"/])/g, '$1')
    .replace(/\\n/g, '\n')
    .replace(/\\t/g, '\t');
}

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

/** linkedom needs the <html> element a browser would infer: give fragments one (and a <body>). */
function wrapFragment(html: string): string {
  if (/<html[\s>]/i.test(html)) return html;
  if (/<\/head>/i.test(html) && !/<body[\s>]/i.test(html) && !/<frameset[\s>]/i.test(html))
    return `<html>${html.replace(/<\/head>/i, '</head><body>')}</body></html>`;
  if (/<(head|body|frameset)[\s>]/i.test(html)) return `<html>${html}</html>`;
  return `<html><head></head><body>${html}</body></html>`;
}

function hasBody(doc: Document): boolean {
  try {
    return !!doc.documentElement && !!doc.body;
  } catch {
    return false;
  }
}

/**
 * Parse an HTML page or fragment. linkedom keeps attribute names as written (`<MAP NAME=…>`, `<DIV ID=…>`),
 * while browsers lower-case them; we lower-case them too so selectors behave the same in Node and the
 * browser. Fragments get the <html><body> a browser would give them.
 */
export function parseHtml(html: string): Document {
  const text = unescapeJsonFragment(html.replace(/^\ufeff+/, ''));
  let doc = parse(wrapFragment(text));
  if (!hasBody(doc)) doc = parse(`<!DOCTYPE html><html><head></head><body>${text}</body></html>`);
  for (const el of Array.from(doc.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      const lower = attr.name.toLowerCase();
      if (lower === attr.name) continue;
      const value = attr.value;
      el.removeAttribute(attr.name);
      if (!el.hasAttribute(lower)) el.setAttribute(lower, value);
    }
  }
  return doc;
}
