// Selector helpers that never throw: a selector the DOM implementation cannot parse matches nothing.
import { lineText } from './dom-blocks';

export function queryAll(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

export function exists(root: ParentNode, selector: string): boolean {
  try {
    return root.querySelector(selector) !== null;
  } catch {
    return false;
  }
}

/** Whether any match of the selector has visible text. */
export function hasText(root: ParentNode, selector: string): boolean {
  return queryAll(root, selector).some((el) => lineText(el) !== '');
}

const MATCHES_TESTED = 500;

/**
 * Which of these selectors match anything under root, in one pass: the elements matching any of
 * them (one query of the selectors joined by commas), then which selectors those match. A query
 * per selector walked the whole document each time when nothing matched: in linkedom (the CLI's
 * DOM) ~15 ms per selector on a page of 100,000 paragraphs. If the joined query throws (a selector
 * this DOM cannot parse), each selector is tried on its own, and the one that throws matches nothing.
 */
export function matchingSelectors(root: ParentNode, selectors: readonly string[]): Set<string> {
  const found = new Set<string>();
  if (selectors.length === 0) return found;
  let matched: Element[];
  try {
    matched = Array.from(root.querySelectorAll(selectors.join(',')));
  } catch {
    for (const s of selectors) if (exists(root, s)) found.add(s);
    return found;
  }
  // Elements × selectors still unfound is bounded: past MATCHES_TESTED elements (one selector
  // matching thousands while another matches nothing) the rest are looked for one by one, as before.
  const tested = Math.min(matched.length, MATCHES_TESTED);
  for (let i = 0; i < tested && found.size < selectors.length; i++) {
    for (const s of selectors) {
      if (found.has(s)) continue;
      try {
        if (matched[i]!.matches(s)) found.add(s);
      } catch {
        // not this DOM's selector: matches nothing
      }
    }
  }
  if (tested < matched.length) for (const s of selectors) if (!found.has(s) && exists(root, s)) found.add(s);
  return found;
}
