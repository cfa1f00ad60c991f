// Working → Working: echoes before a headline. Paragraphs printed just before a headline that repeat
// that headline's article are the stray copies (the in-place copy after the headline is kept
// instead); a non-duplicate paragraph in the same run that shares rare terms with the following
// article (and not with the one it sits in) is moved to that article's end. A paragraph that names
// its own article's headline more than the next one's is that article's tail, not an echo.
import { Draft, type Item, type Working } from '../item';
import { head } from '../text';
import { shared, terms, type Term } from '../terms';

/** How far back from a headline an echo run may reach. */
const MAX_RUN = 12;
/** A stray paragraph belongs to the next article when it shares this many terms with it… */
const MIN_AFFINITY = 3;
/** …and this many times more than with the article it was printed in. */
const AFFINITY_RATIO = 2;

const STARTS = new Set(['title', 'kicker']);
const PASSED = new Set(['caption', 'boilerplate', 'marker']);

export function echoes(w: Working): Working {
  const draft = new Draft(w.items);
  const items = draft.items;
  // Every headline bounds an article, even a removed repeat: a region never runs into the next copy.
  const bounds: number[] = [];
  items.forEach((it, i) => {
    const start = STARTS.has(it.kind) || (it.removed && it.kind === 'heading');
    if (start && !(it.kind === 'title' && items[i - 1]?.kind === 'kicker')) bounds.push(i);
  });
  const dupBy = new Map<number, number[]>();
  items.forEach((it, i) => {
    if (it.dupOf !== undefined && it.removed?.reason === 'duplicate') {
      const list = dupBy.get(it.dupOf);
      if (list) list.push(i);
      else dupBy.set(it.dupOf, [i]);
    }
  });
  // By index: an item's object changes when it is first edited.
  const moves = new Map<number, number[]>();
  const moved = new Set<number>();

  bounds.forEach((g, n) => {
    if (items[g]!.removed) return;
    const end = bounds[n + 1] ?? items.length;
    const prevStart = n > 0 ? bounds[n - 1]! : -1;
    // Cheap test first: is any paragraph just before the headline repeated inside its article?
    const candidates: number[] = [];
    for (let p = g - 1; p > prevStart && candidates.length < MAX_RUN; p--) {
      const it = items[p]!;
      if (PASSED.has(it.kind)) continue;
      if (it.kind !== 'paragraph' || it.removed) break;
      candidates.push(p);
    }
    if (!candidates.some((p) => echoOf(dupBy, p, g, end) !== undefined)) return;

    const nextTerms = regionTerms(items, g, end);
    const prevTerms = prevStart >= 0 ? regionTerms(items, prevStart, Math.min(prevStart + 3, g)) : new Set<Term>();
    const run: { p: number; q?: number }[] = [];
    const nextHead = terms(items[g]!.text, items[g]!.lang);
    const prevHead = prevStart >= 0 ? terms(items[prevStart]!.text, items[prevStart]!.lang) : new Set<Term>();
    for (const p of candidates) {
      const own = terms(items[p]!.text, items[p]!.lang);
      const q = echoOf(dupBy, p, g, end);
      if (q !== undefined) {
        // The tail of the article it sits in, repeated inside the next one (it names its own
        // headline's words more than the next headline's), is not an echo: that later copy goes.
        if (shared(own, prevHead) > shared(own, nextHead)) break;
        run.push({ p, q });
        continue;
      }
      const toNext = shared(own, nextTerms);
      if (toNext >= MIN_AFFINITY && toNext >= AFFINITY_RATIO * shared(own, prevTerms)) run.push({ p });
      else break;
    }
    // The run starts at its earliest echo; strays further back stay where they are.
    while (run.length && run[run.length - 1]!.q === undefined) run.pop();
    // Echoes trail an article's own text: a run that would leave its article without text is not one.
    const earliest = run[run.length - 1]?.p ?? g;
    let before: Item | undefined;
    for (let k = earliest - 1; k > prevStart && !before; k--) if (!items[k]!.removed && !PASSED.has(items[k]!.kind)) before = items[k];
    if (before?.kind !== 'paragraph') return;
    const strays: number[] = [];
    for (const { p, q } of [...run].reverse()) {
      if (q === undefined) {
        strays.push(p);
        continue;
      }
      const kept = draft.edit(q);
      kept.removed = undefined;
      kept.dupOf = undefined;
      const echo = draft.edit(p);
      echo.removed = { reason: 'duplicate', detail: 'echo', duplicateOf: head(kept.text) };
      echo.dupOf = q;
    }
    if (strays.length) {
      let last = g;
      for (let k = end - 1; k >= g; k--) {
        if (items[k]!.kind === 'paragraph' && !items[k]!.removed) {
          last = k;
          break;
        }
      }
      moves.set(last, strays);
      for (const s of strays) moved.add(s);
    }
  });

  if (moves.size === 0) return { ...w, items };
  const out: Item[] = [];
  items.forEach((it, k) => {
    if (moved.has(k)) return;
    out.push(it);
    for (const s of moves.get(k) ?? []) out.push(items[s]!);
  });
  return { ...w, items: out };
}

/** The copy of item `p` inside the article (g, end), if any (a module function: no closure per headline). */
function echoOf(dupBy: Map<number, number[]>, p: number, g: number, end: number): number | undefined {
  for (const q of dupBy.get(p) ?? []) if (q > g && q < end) return q;
  return undefined;
}

/** Terms of the items in [from, to), removed copies included (they are the article's own words). */
function regionTerms(items: Item[], from: number, to: number): Set<Term> {
  const out = new Set<Term>();
  for (let k = from; k < to; k++) terms(items[k]!.text, items[k]!.lang, out);
  return out;
}
