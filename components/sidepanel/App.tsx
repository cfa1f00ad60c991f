// The side panel: search first, the clip list (virtualised, live), a clip's reading view, the trash,
// "paste text", export/import. State lives here; each view is its own component; the store is reached
// only through `data` (components/sidepanel/data.ts).
import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { t } from '../../lib/i18n';
import type { Clip, ImportReport, ListOrder, SearchFilters } from '../../lib/store/types';
import { ClipList } from './ClipList';
import { DataContext, type PanelData } from './data';
import { downloadText, exportName } from './download';
import { EmptyState } from './EmptyState';
import { commandFor, isControl, isTextField, type View } from './keys';
import { readFileText } from './readFile';
import { ReadingView, type MatchNav } from './ReadingView';
import { activeFilterCount, SearchBar } from './SearchBar';
import { TrashView } from './TrashView';
import { useDebouncedState } from './useDebouncedValue';
import { clipLabel } from './labels';
import { useDeferredCount, useLiveWindow, type FetchWindow, type Row } from './useLiveWindow';
import { whenIdle } from './schedule';

export interface AppProps {
  data: PanelData;
  /** Debounce of the search box inside a typing burst (ms). */
  debounceMs?: number;
  /** How long the undo offer stays (ms). */
  undoMs?: number;
  /**
   * The list's first clips, read from before React's first render (main.tsx) in the order the saved
   * preference asks for (firstListOrder): shown until the list's own read (started with the
   * first render) answers, then replaced by it.
   */
  firstRows?: Promise<Clip[]>;
}

// "Paste text" carries lib/segment's rules: loaded when first opened, not on the panel's first render.
const PasteView = lazy(() => import('./PasteView').then((m) => ({ default: m.PasteView })));

type Theme = 'auto' | 'light' | 'dark';
type Notice = { kind: 'import'; report: ImportReport; error?: string } | { kind: 'error'; message: string } | { kind: 'info'; message: string };

const THEME_KEY = 'er-panel-theme';
const GROUP_KEY = 'er-panel-grouped';

export function App({ data, debounceMs = 120, undoMs = 10_000, firstRows }: AppProps) {
  return (
    <DataContext.Provider value={data}>
      <Panel data={data} debounceMs={debounceMs} undoMs={undoMs} firstRows={firstRows} />
    </DataContext.Provider>
  );
}

function Panel({ data, debounceMs, undoMs, firstRows }: Required<Omit<AppProps, 'firstRows'>> & Pick<AppProps, 'firstRows'>) {
  const [query, debouncedQuery, setQuery] = useDebouncedState('', debounceMs);
  const [filters, setFilters] = useState<SearchFilters>({});
  const [view, setView] = useState<View>({ kind: 'list' });
  const [activeIndex, setActiveIndex] = useState(0);
  const [range, setRange] = useState({ first: 0, last: 20, fits: 12 });
  const [undo, setUndo] = useState<{ id: string; title: string } | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [theme, setTheme] = useState<Theme>(() => readPref(THEME_KEY, ['auto', 'light', 'dark'], 'auto'));
  const [grouped, setGrouped] = useState(() => firstListOrder() === 'issue');
  // The order firstRows were read in: the preference when the panel opened.
  const [firstOrder] = useState<ListOrder>(() => (grouped ? 'issue' : 'saved'));
  const searchRef = useRef<HTMLInputElement>(null);
  const listOffset = useRef(0);

  const q = debouncedQuery.trim();
  // Grouped, a list without a query is ordered by issue (paper · date) so each issue is one group;
  // search results keep their ranking (neighbouring hits of one issue share a header).
  const order: ListOrder = grouped && !q ? 'issue' : 'saved';
  const key = useMemo(() => listKey(q, filters, order), [q, filters, order]);
  const seed = useMemo(() => {
    if (!firstRows) return undefined;
    const page = firstRows.then((clips) => ({ rows: clips.map(plainRow) }));
    page.catch(() => undefined); // a failed early read is left to the list's own read
    return { key: listKey('', {}, firstOrder), page };
  }, [firstRows, firstOrder]);
  const plain = !q && activeFilterCount(filters) === 0;
  const fetchWindow = useCallback<FetchWindow>(
    async (offset, limit) => {
      if (q) {
        const res = await data.search(q, filters, { offset, limit });
        return { total: res.total, rows: res.hits.map((h) => ({ clip: h.clip, snippet: h.snippet, highlights: h.highlights })), parsed: res.parsed };
      }
      if (plain && data.listPage) return { rows: (await data.listPage(offset, limit, false, order)).map(plainRow) };
      const res = await data.listRecent({ offset, limit, order }, filters);
      return { total: res.total, rows: res.clips.map(plainRow) };
    },
    [data, q, filters, plain, order],
  );
  const countLive = useMemo(() => (data.countClips ? () => data.countClips!(false) : null), [data]);
  const [firstRowsIn, setFirstRowsIn] = useState(false);
  const liveTotal = useDeferredCount(countLive, firstRowsIn);
  const win = useLiveWindow({ fetchWindow, knownTotal: plain ? liveTotal : undefined, key, first: range.first, last: range.last, fits: range.fits, seed, changes: data.onClipsChanged });
  if (!firstRowsIn && win.count !== undefined) setFirstRowsIn(true);
  // Once the first rows are on screen, the search index is read in idle time: the first keystroke's
  // search then reads only its terms (the columns of every document took ~100 ms at 100k clips).
  // The extension's entry starts that read earlier, as soon as its first rows are in; the store runs
  // one at a time, so this one then joins it, or finds the columns cached (a few small reads).
  useEffect(() => {
    if (!firstRowsIn || !data.warmSearch) return;
    return whenIdle(() => void data.warmSearch!().catch(() => undefined), 1000, 200);
  }, [firstRowsIn, data]);
  // Once a query's results are on screen, what the query typed on from it will need is read in idle time.
  const shown = !!q && !win.stale;
  useEffect(() => {
    if (!shown || !data.readAhead) return;
    return whenIdle(() => void data.readAhead!(q).catch(() => undefined), 500, 50);
  }, [shown, q, data]);
  const trashCount = useLiveQuery(() => (data.countClips ? data.countClips(true) : data.stats().then((s) => s.trash)).catch(() => undefined), [data]);

  // A new query starts at its first result.
  const [seenKey, setSeenKey] = useState(key);
  if (seenKey !== key) {
    setSeenKey(key);
    setActiveIndex(0);
  }
  useEffect(() => {
    listOffset.current = 0;
  }, [key]);

  // Opened from a search, the reading view marks the query's words (what the list shows is `q`).
  const open = useCallback((clip: Clip) => setView({ kind: 'reader', id: clip.id, ...(q ? { query: q } : {}) }), [q]);
  const matchNav = useRef<MatchNav>(null);
  const backToList = useCallback(() => setView({ kind: 'list' }), []);
  const remove = useCallback(
    async (clip: Clip) => {
      try {
        await data.deleteClip(clip.id);
        setUndo({ id: clip.id, title: clipLabel(clip) ?? t('panelUntitled') });
        setView((v) => (v.kind === 'reader' && v.id === clip.id ? { kind: 'list' } : v));
      } catch (e) {
        setNotice({ kind: 'error', message: t('panelDeleteFailed', errorText(e)) });
      }
    },
    [data],
  );
  const undoDelete = async () => {
    if (!undo) return;
    setUndo(null);
    await data.restoreClip(undo.id).catch((e) => setNotice({ kind: 'error', message: errorText(e) }));
  };
  useEffect(() => {
    if (!undo) return;
    const timer = setTimeout(() => setUndo(null), undoMs);
    return () => clearTimeout(timer);
  }, [undo, undoMs]);

  const total = win.count ?? 0;
  // The key handler reads the list as rendered last, not as it was when the handler was attached:
  // passive effects can run well after a render under load, and a keypress in between saw an empty
  // list (↓ did nothing). A layout effect keeps `latest` in step with every commit.
  const latest = useRef({ win, total, activeIndex });
  useLayoutEffect(() => {
    latest.current = { win, total, activeIndex };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = document.activeElement;
      const inSearch = target === searchRef.current;
      const cmd = commandFor({
        key: e.key,
        modified: e.ctrlKey || e.metaKey || e.altKey,
        inField: isTextField(target) && !inSearch,
        inSearch,
        onControl: isControl(target),
        view: view.kind,
        hasQuery: query !== '',
      });
      if (!cmd || e.isComposing) return;
      e.preventDefault();
      if (cmd === 'focus-search') searchRef.current?.focus();
      else if (cmd === 'blur') (target as HTMLElement | null)?.blur();
      else if (cmd === 'back') setView({ kind: 'list' });
      else if (cmd === 'clear-query') setQuery('');
      // A row shown below always takes the move; else the count bounds it (it is deferred behind the
      // first rows and can be missing for a moment while the list reads again).
      else if (cmd === 'next') {
        const { win: w, total: n } = latest.current;
        setActiveIndex((i) => (w.row(i + 1) ? i + 1 : Math.min(Math.max(n - 1, 0), i + 1)));
      } else if (cmd === 'prev') setActiveIndex((i) => Math.max(0, i - 1));
      else if (cmd === 'next-match') matchNav.current?.step(1);
      else if (cmd === 'prev-match') matchNav.current?.step(-1);
      else if (cmd === 'open') {
        const row = latest.current.win.row(latest.current.activeIndex);
        if (row) open(row.clip);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [view.kind, query, open, setQuery]);

  // Coming back to the list: the search box has focus again so typing goes on where it stopped.
  useEffect(() => {
    if (view.kind === 'list') searchRef.current?.focus({ preventScroll: true });
  }, [view.kind]);

  const exportAs = async (kind: 'json' | 'md') => {
    try {
      const text = kind === 'json' ? await data.exportJson() : await data.exportMarkdown();
      const name = exportName(kind);
      downloadText(name, text, kind === 'json' ? 'application/json' : 'text/markdown');
      setNotice({ kind: 'info', message: t('panelExported', name) });
    } catch (e) {
      setNotice({ kind: 'error', message: t('panelExportFailed', errorText(e)) });
    }
  };
  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    try {
      const report = await data.importAll(await readFileText(file));
      setNotice({ kind: 'import', report });
    } catch (e) {
      // The store rejects a file with invalid records as a whole and says which ones (e.report).
      const report = (e as { report?: ImportReport } | null)?.report;
      const message = t('panelImportFailed', errorText(e).split('\n')[0] ?? '');
      setNotice(report ? { kind: 'import', report, error: message } : { kind: 'error', message });
    }
    input.value = '';
  };
  const cycleTheme = () => {
    const next: Theme = theme === 'auto' ? 'light' : theme === 'light' ? 'dark' : 'auto';
    setTheme(next);
    writePref(THEME_KEY, next);
  };
  const toggleGrouped = () => {
    setGrouped((g) => {
      writePref(GROUP_KEY, g ? '0' : '1');
      return !g;
    });
  };

  const isEmptyArchive = win.count === 0 && plain && !win.stale;
  const countLine = win.total === undefined ? (win.count === undefined ? t('panelLoading') : t('panelCounting')) : plain ? t('panelClipCount', win.total) : t('panelResults', win.total);

  return (
    <div className="er-theme ep-panel" data-theme={theme} data-testid="panel-root">
      <header className="ep-head">
        {view.kind === 'list' && (
          <SearchBar value={query} onChange={setQuery} filters={filters} onFilters={setFilters} parsed={win.stale ? undefined : win.parsed} inputRef={searchRef} />
        )}
        <div className="ep-toolbar">
          {view.kind === 'list' && (
            <span className="ep-count" data-testid="clip-count" aria-live="polite">
              {countLine}
              {win.stale && win.count !== undefined ? ' …' : ''}
            </span>
          )}
          <span className="ep-spacer" />
          {view.kind === 'list' && (
            <button type="button" className="er-btn ep-small" data-testid="group-toggle" aria-pressed={grouped} onClick={toggleGrouped}>
              {grouped ? t('panelGrouped') : t('panelNewest')}
            </button>
          )}
          <button type="button" className="er-btn ep-small" data-testid="paste-open" onClick={() => setView({ kind: 'paste' })}>
            {t('panelPaste')}
          </button>
          <button type="button" className="er-btn ep-small" data-testid="trash-open" onClick={() => setView({ kind: 'trash' })}>
            {t('panelTrash')}
            {trashCount ? ` (${trashCount})` : ''}
          </button>
          <button type="button" className="er-btn ep-small" data-testid="export-button" title={t('panelExportJsonHint')} onClick={() => void exportAs('json')}>
            {t('panelExportJson')}
          </button>
          <button type="button" className="er-btn ep-small" data-testid="export-markdown" onClick={() => void exportAs('md')}>
            {t('panelExportMarkdown')}
          </button>
          <label className="er-btn ep-small ep-file">
            {t('panelImport')}
            <input type="file" accept=".json,application/json" data-testid="import-input" onChange={(e) => void importFile(e.currentTarget)} />
          </label>
          <button type="button" className="er-btn ep-small" data-testid="theme-toggle" title={t('panelTheme')} aria-label={t('panelTheme')} onClick={cycleTheme}>
            {theme === 'auto' ? '◐' : theme === 'light' ? '☀' : '☾'}
          </button>
        </div>
        {notice && <NoticeBar notice={notice} onClose={() => setNotice(null)} />}
        {win.error && (
          <div className="ep-error" role="alert" data-testid="panel-error">
            {t('panelQueryFailed', win.error)}
          </div>
        )}
      </header>
      <main className="ep-main">
        {view.kind === 'list' &&
          (isEmptyArchive ? (
            <EmptyState onPaste={() => setView({ kind: 'paste' })} />
          ) : win.count === 0 && !win.stale ? (
            <p className="ep-muted ep-pad" data-testid="no-results" data-results-for={q}>
              {t('panelNoResults')}
            </p>
          ) : (
            <ClipList
              win={win}
              activeIndex={activeIndex}
              grouped={grouped}
              onActivate={setActiveIndex}
              onOpen={open}
              onDelete={(c) => void remove(c)}
              onRange={(first, last, fits) => setRange((r) => (r.first === first && r.last === last && r.fits === fits ? r : { first, last, fits }))}
              initialOffset={() => listOffset.current}
              onScrollOffset={(o) => (listOffset.current = o)}
              resultsFor={win.stale ? undefined : q}
            />
          ))}
        {view.kind === 'reader' && <ReadingView id={view.id} query={view.query} nav={matchNav} onBack={backToList} onDelete={(c) => void remove(c)} />}
        {view.kind === 'trash' && <TrashView onBack={backToList} />}
        {view.kind === 'paste' && (
          <Suspense fallback={<p className="ep-muted ep-pad">{t('panelLoading')}</p>}>
            <PasteView onBack={backToList} />
          </Suspense>
        )}
      </main>
      {undo && (
        <div className="ep-toast" role="status" data-testid="undo-toast">
          <span>{t('panelMovedToTrash', undo.title)}</span>
          <button type="button" className="er-btn ep-small primary" data-testid="clip-undo" onClick={() => void undoDelete()}>
            {t('panelUndo')}
          </button>
        </div>
      )}
    </div>
  );
}

function NoticeBar({ notice, onClose }: { notice: Notice; onClose(): void }) {
  return (
    <div className={`ep-notice ${notice.kind === 'error' ? 'ep-error' : ''}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      {notice.kind === 'import' ? (
        <div data-testid="import-summary">
          {notice.error && <div className="ep-error">{notice.error}</div>}
          {t('panelImportSummary', notice.report.added, notice.report.updated, notice.report.skipped.length)}
          {notice.report.skipped.length > 0 && (
            <ul className="ep-skipped">
              {notice.report.skipped.slice(0, 5).map((s) => (
                <li key={s.index}>{t('panelImportSkipped', s.index + 1, s.reason)}</li>
              ))}
              {notice.report.skipped.length > 5 && <li>{t('panelImportMore', notice.report.skipped.length - 5)}</li>}
            </ul>
          )}
        </div>
      ) : (
        <span data-testid={notice.kind === 'error' ? 'panel-notice-error' : 'panel-notice'}>{notice.message}</span>
      )}
      <button type="button" className="ep-icon-btn" aria-label={t('panelDismiss')} onClick={onClose}>
        ✕
      </button>
    </div>
  );
}

/** The list's identity: what is asked (a query and its filters). */
function listKey(q: string, filters: SearchFilters, order: ListOrder): string {
  return JSON.stringify([q, filters, order]);
}

function plainRow(clip: Clip): Row {
  return { clip, snippet: null, highlights: [] };
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The order the list opens in: by issue when the user last chose "grouped", else newest first. */
export function firstListOrder(): ListOrder {
  return readPref(GROUP_KEY, ['1', '0'], '0') === '1' ? 'issue' : 'saved';
}

function readPref<T extends string>(key: string, allowed: T[], fallback: T): T {
  try {
    const v = globalThis.localStorage?.getItem(key);
    return allowed.includes(v as T) ? (v as T) : fallback;
  } catch {
    return fallback;
  }
}

function writePref(key: string, value: string) {
  try {
    globalThis.localStorage?.setItem(key, value);
  } catch {
    /* private mode: the choice lasts this session */
  }
}
