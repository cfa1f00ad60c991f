// Element → Block[]: walks a container in DOM order; paragraphs come from block elements (<p>, <div>,
// table cells), `<br><br>` and `<br>` + indent; captions keep their hint. Iterative, so 5,000-level DOMs are fine.
import type { Block, BlockHint } from '../types';
import { normText } from './text';

/** Elements whose text is never page text. */
const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'FRAME', 'FRAMESET', 'OBJECT', 'EMBED', 'SELECT', 'OPTION',
  'INPUT', 'BUTTON', 'TEXTAREA', 'MAP', 'AREA', 'SVG', 'CANVAS', 'HEAD', 'TITLE', 'META', 'LINK', 'AUDIO', 'VIDEO',
]);

/** Elements that start and end a paragraph. */
const BLOCK_TAGS = new Set([
  'P', 'DIV', 'LI', 'UL', 'OL', 'TABLE', 'TBODY', 'THEAD', 'TFOOT', 'TR', 'TD', 'TH', 'CAPTION', 'H1', 'H2', 'H3',
  'H4', 'H5', 'H6', 'SECTION', 'ARTICLE', 'ASIDE', 'HEADER', 'FOOTER', 'NAV', 'MAIN', 'BLOCKQUOTE', 'PRE',
  'CENTER', 'DL', 'DT', 'DD', 'FIGURE', 'FIGCAPTION', 'HR', 'ADDRESS', 'FORM', 'FIELDSET', 'HTML', 'BODY',
  'FOUNDER-CONTENT',
]);

/** An element hidden by its own markup (inline display:none or the hidden attribute). */
export function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  return !!style && /display\s*:\s*none/i.test(style);
}

/**
 * Pushes node's children on a depth-first stack so the first child is popped first. Walked by
 * firstChild/nextSibling: reading childNodes builds an array per element in linkedom (the CLI's
 * DOM), twice the walk's time on a page of 100,000 paragraphs.
 */
export function pushChildren<T>(stack: (Node | T)[], node: Node): void {
  const start = stack.length;
  if (node.nodeType !== 1) {
    // A document's children by childNodes: in linkedom its doctype has no nextSibling.
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    return;
  }
  for (let c = node.firstChild; c; c = c.nextSibling) stack.push(c);
  for (let i = start, j = stack.length - 1; i < j; i++, j--) {
    const t = stack[i]!;
    stack[i] = stack[j]!;
    stack[j] = t;
  }
}

/** A string's length without its whitespace (as `s.replace(/\s+/g, '').length`, without the copy). */
export function nonSpaceLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const space =
      c <= 0x20
        ? c === 0x20 || (c >= 0x09 && c <= 0x0d)
        : c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff);
    if (!space) n++;
  }
  return n;
}

/** Whether an element's text is never read (scripts, forms, hidden boxes). */
export function isSkipped(el: Element): boolean {
  return SKIP_TAGS.has(el.tagName.toUpperCase()) || isHidden(el);
}

export interface WalkOptions {
  /** Hint for ordinary text (default 'text'). */
  hint?: BlockHint;
  /** Per element: read it as a caption, skip it, or walk it normally. */
  roleOf?: (el: Element) => 'caption' | 'skip' | undefined;
}

const BR = '\u0000';

/** Inline elements that make text bold; a paragraph that is all bold (or an <h2>…) may be a subhead. */
const BOLD_TAGS = new Set(['STRONG', 'B', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/** A short all-bold paragraph is a subhead (heading) unless it reads like a sentence or a credit. */
export const SUBHEAD_RULE = { maxChars: 30, notEnding: /[。！？!?；;，,、…：:]$/, notStarting: /^[（(【〔]/ };

function looksLikeSubhead(text: string): boolean {
  return text.length <= SUBHEAD_RULE.maxChars && !SUBHEAD_RULE.notEnding.test(text) && !SUBHEAD_RULE.notStarting.test(text);
}

/**
 * A paragraph buffer → blocks: `<br><br>` or `<br>` + indent splits; a lone `<br>` stays a line
 * break ("\n") in the block, so lib/segment decides, as it does for text, whether the line is a
 * wrap to join or a line of its own (a masthead line, a notice heading, a byline).
 */
function splitBuffer(buf: string): string[] {
  const out: string[] = [];
  let cur = '';
  const parts = buf.split(BR);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (i > 0 && (part === '' || /^[ \t\r\n]*(\u3000|\u00a0\s*\u00a0)/.test(part) || parts[i - 1] === '')) {
      out.push(cur);
      cur = part;
    } else cur += (i > 0 ? '\n' : '') + part;
  }
  out.push(cur);
  return out.map(normLines).filter(Boolean);
}

/** normText per line, dropping empty lines. */
function normLines(s: string): string {
  return s.split('\n').map(normText).filter(Boolean).join('\n');
}

/** Read the blocks of one container element. */
export function blocksFromElement(root: Element, opts: WalkOptions = {}): Block[] {
  const blocks: Block[] = [];
  const baseHint = opts.hint ?? 'text';
  let buf = '';
  let hint: BlockHint = baseHint;
  let bold = 0;
  let plainChars = 0;
  let boldChars = 0;
  const flush = () => {
    if (buf) {
      const texts = splitBuffer(buf);
      const subhead = hint === 'text' && texts.length === 1 && boldChars > 0 && plainChars === 0 && looksLikeSubhead(texts[0]!);
      // Line breaks matter in running text and captions; a heading broken by <br> is one line.
      const keepLines = hint === 'text' || hint === 'caption';
      for (const text of texts) blocks.push({ text: keepLines ? text : text.replace(/\n/g, ' '), hint: subhead ? 'heading' : hint });
    }
    buf = '';
    plainChars = boldChars = 0;
  };
  // Stack of nodes to visit; marker entries close a block element, a caption or a bold run.
  type Entry = Node | { close: 'block' } | { close: 'bold' } | { close: 'caption'; prev: BlockHint };
  const stack: Entry[] = [root];
  while (stack.length) {
    const entry = stack.pop()!;
    if (!('nodeType' in entry)) {
      if (entry.close === 'bold') {
        bold--;
        continue;
      }
      flush();
      if (entry.close === 'caption') hint = entry.prev;
      continue;
    }
    const node = entry;
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      buf += data.replace(/[\r\n\t]+/g, ' ');
      const n = nonSpaceLength(data);
      if (bold > 0) boldChars += n;
      else plainChars += n;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (tag === 'BR') {
      buf += BR;
      continue;
    }
    if (el !== root && isSkipped(el)) continue;
    const role = el === root ? undefined : opts.roleOf?.(el);
    if (role === 'skip') continue;
    if (role === 'caption') {
      flush();
      stack.push({ close: 'caption', prev: hint });
      hint = 'caption';
    } else if (BLOCK_TAGS.has(tag)) {
      flush();
      stack.push({ close: 'block' });
    } else if (tag === 'IMG') {
      continue;
    }
    if (BOLD_TAGS.has(tag)) {
      bold++;
      if (BLOCK_TAGS.has(tag)) stack.splice(stack.length - 1, 0, { close: 'bold' });
      else stack.push({ close: 'bold' });
    }
    pushChildren(stack, el);
  }
  flush();
  return blocks;
}

/** Visible text of an element as one line (`<br>` → space, scripts skipped). */
export function lineText(el: Element): string {
  return blocksFromElement(el)
    .map((b) => b.text.replace(/\n/g, ' '))
    .join(' ')
    .trim();
}
