// A keydown → the panel command it means (or null), from where focus is and which view is shown.
// Keys as a table: `/` search, ↑ ↓ move, Enter open, Esc back / clear, N / Shift+N the reading view's
// next / previous match of the search it was opened from.
/** The reading view keeps the query it was opened from (its words are marked in the text). */
export type View = { kind: 'list' } | { kind: 'reader'; id: string; query?: string } | { kind: 'trash' } | { kind: 'paste' };
export type Command = 'focus-search' | 'next' | 'prev' | 'open' | 'back' | 'clear-query' | 'blur' | 'next-match' | 'prev-match';

export interface KeyContext {
  key: string;
  /** Modifier held (Ctrl/⌘/Alt): leave the key to the browser. */
  modified: boolean;
  /** Focus is in a text field other than the search box. */
  inField: boolean;
  inSearch: boolean;
  /** Focus is on a button or link (Enter belongs to it). */
  onControl: boolean;
  view: View['kind'];
  hasQuery: boolean;
}

export function commandFor(k: KeyContext): Command | null {
  if (k.modified) return null;
  if (k.key === '/' && !k.inField && !k.inSearch) return 'focus-search';
  if (k.key === 'Escape') {
    if (k.inField) return 'blur';
    if (k.view !== 'list') return 'back';
    if (k.hasQuery) return 'clear-query';
    return k.inSearch ? 'blur' : null;
  }
  if (k.view === 'reader' && !k.inField && !k.inSearch) {
    if (k.key === 'n') return 'next-match';
    if (k.key === 'N') return 'prev-match';
  }
  if (k.view !== 'list' || k.inField) return null;
  if (k.key === 'ArrowDown') return 'next';
  if (k.key === 'ArrowUp') return 'prev';
  if (k.key === 'Enter' && !k.onControl) return 'open';
  return null;
}

/** Whether an element takes typed text (so `/` and arrows belong to it). */
export function isTextField(el: Element | null): boolean {
  if (!el) return false;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  if (el instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'file', 'submit', 'reset'].includes(el.type);
  return el instanceof HTMLElement && el.isContentEditable;
}

/** Whether an element is a button or link that handles Enter itself. */
export function isControl(el: Element | null): boolean {
  return !!el && (el instanceof HTMLButtonElement || el instanceof HTMLAnchorElement || (el instanceof HTMLInputElement && !isTextField(el)));
}
