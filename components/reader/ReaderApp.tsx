// The reader overlay: the page's clean articles as cards, save one / all / every article of a
// layout page, and the removed items in place with their reasons. Everything it shows from the
// page is React text; it talks to the background only through the `api` prop (typed messages).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { t } from '../../lib/i18n';
import type { ClipInput, SaveResult } from '../../lib/store/types';
import type { Article, CleanPage, PageLink, Removed } from '../../lib/types';
import { ArticleView } from '../ArticleView';
import { articleSignature, placeRemoved } from './placement';

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

export interface ReaderApi {
  save(inputs: ClipInput[]): Promise<Outcome<SaveResult>>;
  savedOnPage(url: string): Promise<Outcome<{ signatures: string[]; count: number }>>;
  openClippings(): Promise<unknown>;
  /** Layout pages: fetch, extract and clean each linked article (lib/extract), reporting progress. */
  clipLinks?(links: PageLink[], opts: { signal: AbortSignal; onProgress: (done: number, total: number) => void }): Promise<{ link: PageLink; page?: CleanPage; error?: string }[]>;
}

export interface ReaderAppProps {
  page: CleanPage;
  api: ReaderApi;
  onClose(): void;
}

type SaveState = { state: 'idle' | 'saving' | 'saved' } | { state: 'error'; message: string };

const reasonText = (r: Removed) =>
  r.reason === 'duplicate'
    ? r.duplicateOf
      ? t('removedDuplicate', clip(r.duplicateOf, 24))
      : t('removedDuplicatePlain')
    : r.reason === 'marker'
      ? t('removedMarker')
      : r.detail
        ? `${t('removedBoilerplate')} · ${r.detail}`
        : t('removedBoilerplate');

const ERROR_KEYS = {
  quota: 'errorQuota',
  closed: 'errorClosed',
  invalid: 'errorInvalid',
  timeout: 'errorTimeout',
  interrupted: 'errorInterrupted',
} as const;

/** A failed save in the user's language where the code is known; the store's own words otherwise. */
function errorText(error: { code: string; message: string }): string {
  const key = ERROR_KEYS[error.code as keyof typeof ERROR_KEYS];
  return key ? t(key) : error.message;
}

/** Only http(s) links from the page become clickable; anything else (javascript:, data:) stays text. */
function safeHref(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** api.save as an Outcome: a rejected or timed-out message (the background died) is an error, never a throw. */
async function saveOutcome(api: ReaderApi, inputs: ClipInput[]): Promise<Outcome<SaveResult>> {
  try {
    return await api.save(inputs);
  } catch (e) {
    const message = e instanceof Error && e.message ? e.message : String(e);
    return { ok: false, error: { code: 'unknown', message } };
  }
}

function clip(s: string, n: number) {
  const chars = [...s];
  return chars.length > n ? chars.slice(0, n).join('') + '…' : s;
}

export function ReaderApp({ page, api, onClose }: ReaderAppProps) {
  const { source, articles, removed } = page;
  const [showRemoved, setShowRemoved] = useState(false);
  const [restored, setRestored] = useState<Map<number, string[]>>(new Map());
  const [restoredIdx, setRestoredIdx] = useState<Set<number>>(new Set());
  const [saves, setSaves] = useState<SaveState[]>(() => articles.map(() => ({ state: 'idle' })));
  const [banner, setBanner] = useState<string | null>(null);
  const [batch, setBatch] = useState<{ done: number; total: number; result?: string } | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  const placement = useMemo(() => placeRemoved(articles, removed), [articles, removed]);
  const url = source.url ?? '';

  useEffect(() => {
    let live = true;
    if (!url) return;
    api.savedOnPage(url).then(
      (r) => {
        if (!live || !r.ok) return;
        const saved = new Set(r.value.signatures);
        setSaves((prev) => prev.map((s, i) => (saved.has(articleSignature(articles[i]!)) ? { state: 'saved' } : s)));
      },
      // Not knowing what is saved only leaves the buttons at "Save"; saving again is safe.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, url, articles]);

  const toInput = useCallback(
    (a: Article, i: number): ClipInput => {
      const extra = restored.get(i) ?? [];
      return {
        ...a,
        body: [...a.body, ...extra.map((text) => ({ type: 'paragraph' as const, text }))],
        url: source.url ?? null,
        paper: source.paper ?? null,
        date: source.date ?? null,
        page: source.page ?? null,
      };
    },
    [restored, source],
  );

  const save = useCallback(
    async (indices: number[]) => {
      setSaves((prev) => prev.map((s, i) => (indices.includes(i) ? { state: 'saving' } : s)));
      const res = await saveOutcome(api, indices.map((i) => toInput(articles[i]!, i)));
      if (res.ok) {
        setBanner(null);
        setSaves((prev) => prev.map((s, i) => (indices.includes(i) ? { state: 'saved' } : s)));
      } else {
        const message = errorText(res.error);
        setBanner(t('readerSaveError', message));
        setSaves((prev) => prev.map((s, i) => (indices.includes(i) ? { state: 'error', message } : s)));
      }
    },
    [api, articles, toInput],
  );

  const clipAll = useCallback(async () => {
    const links = source.links ?? [];
    if (!api.clipLinks || links.length === 0) return;
    const ctl = new AbortController();
    abortRef.current = ctl;
    setBatch({ done: 0, total: links.length });
    let ok = 0;
    let bad = 0;
    try {
      const results = await api.clipLinks(links, { signal: ctl.signal, onProgress: (done, total) => setBatch({ done, total }) });
      for (const r of results) {
        const arts = r.page?.articles.filter((a) => a.kind !== 'advert') ?? [];
        if (!r.page || arts.length === 0) {
          bad++;
          continue;
        }
        const meta = r.page.source;
        const res = await saveOutcome(api, arts.map((a) => ({ ...a, url: r.link.url, paper: meta.paper ?? source.paper ?? null, date: meta.date ?? source.date ?? null, page: meta.page ?? source.page ?? null })));
        if (res.ok) ok++;
        else {
          bad++;
          setBanner(t('readerSaveError', errorText(res.error)));
        }
      }
    } catch (e) {
      if (!ctl.signal.aborted) setBanner(t('readerError', (e as Error).message));
    }
    setBatch({ done: links.length, total: links.length, result: t('readerClipAllDone', ok, bad) });
    abortRef.current = null;
  }, [api, source]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onClose]);

  const links = source.links ?? [];
  const isLayout = source.pageType === 'layout' && links.length > 0;
  const savable = articles.map((a, i) => (a.kind === 'advert' ? -1 : i)).filter((i) => i >= 0);
  const unsaved = savable.filter((i) => saves[i]?.state !== 'saved');
  const where = [source.paper, source.date, source.page].filter(Boolean).join(' · ');

  const restore = (articleIndex: number, removedIndex: number, text: string) => {
    setRestored((m) => new Map(m).set(articleIndex, [...(m.get(articleIndex) ?? []), text]));
    setRestoredIdx((s) => new Set(s).add(removedIndex));
    setSaves((prev) => prev.map((s, i) => (i === articleIndex && s.state === 'saved' ? { state: 'idle' } : s)));
  };

  const removedList = (items: { item: Removed; index: number }[], articleIndex: number | null) =>
    items.map(({ item, index }) => (
      <div key={index} className="er-removed" data-testid="reader-removed-item" data-reason={item.reason}>
        <span className="er-removed-reason">{reasonText(item)}</span>
        {item.text}
        {articleIndex != null &&
          (restoredIdx.has(index) ? (
            <span className="er-removed-reason"> {t('readerRestored')}</span>
          ) : (
            <button type="button" className="er-btn" data-testid="reader-restore" onClick={() => restore(articleIndex, index, item.text)}>
              {t('readerRestore')}
            </button>
          ))}
      </div>
    ));

  return (
    <div className="er-theme er-overlay" data-testid="reader-root" role="dialog" aria-modal="true" aria-label={t('extName')}>
      <div className="er-toolbar">
        <div className="er-meta">
          <strong className="er-paper">{where || source.url || t('extName')}</strong>
          <span className="er-count">
            {t('readerArticles', articles.filter((a) => a.kind === 'article').length)}
            {source.template && source.template !== 'generic' ? ` · ${t('readerTemplate', source.template)}` : ''}
          </span>
        </div>
        <div className="er-tools">
          {removed.length > 0 && (
            <button type="button" className="er-btn" data-testid="reader-removed-toggle" aria-pressed={showRemoved} onClick={() => setShowRemoved((v) => !v)}>
              {showRemoved ? t('readerHideRemoved') : t('readerShowRemoved', removed.length)}
            </button>
          )}
          {source.pageType === 'layout' && (source.links?.length ?? 0) > 0 && api.clipLinks && (
            <button type="button" className="er-btn" data-testid="reader-clip-all" disabled={!!batch && !batch.result} onClick={clipAll}>
              {t('readerClipAll', source.links!.length)}
            </button>
          )}
          {savable.length > 0 && (
            <button type="button" className="er-btn primary" data-testid="reader-save-all" disabled={unsaved.length === 0} onClick={() => save(unsaved)}>
              {unsaved.length === 0 ? t('readerSaved') : t('readerSaveAll', unsaved.length)}
            </button>
          )}
          <button type="button" className="er-btn" data-testid="reader-open-clippings" onClick={() => api.openClippings()}>
            {t('readerOpenClippings')}
          </button>
          <button type="button" className="er-btn" data-testid="reader-close" aria-label={t('readerClose')} onClick={onClose}>
            ✕
          </button>
        </div>
      </div>
      {batch && (
        <div className="er-batch" data-testid="reader-batch">
          <progress max={batch.total} value={batch.done} />
          <span>{batch.result ?? t('readerClipAllProgress', batch.done, batch.total)}</span>
          {!batch.result && (
            <button type="button" className="er-btn" data-testid="reader-batch-cancel" onClick={() => abortRef.current?.abort()}>
              {t('readerCancel')}
            </button>
          )}
        </div>
      )}
      {banner && (
        <div className="er-banner" role="alert" data-testid="reader-error">
          {banner}
        </div>
      )}
      <main className="er-page">
        {isLayout && (
          <section className="er-article er-links" data-testid="reader-links">
            <h2 className="er-title">{t('readerLayoutList', links.length)}</h2>
            <ol>
              {links.map((l, i) => (
                <li key={i}>
                  {safeHref(l.url) ? (
                    <a href={safeHref(l.url)!} target="_top" rel="noreferrer">
                      {l.title}
                    </a>
                  ) : (
                    l.title
                  )}
                </li>
              ))}
            </ol>
          </section>
        )}
        {articles.length === 0 && !isLayout && (
          <p className="er-empty" data-testid="reader-empty">
            {t('readerNothing')}
          </p>
        )}
        {showRemoved && placement.page.length > 0 && <section className="er-removed-page">{removedList(placement.page, null)}</section>}
        {articles.map((a, i) => {
          const s = saves[i] ?? { state: 'idle' };
          return (
            <ArticleView
              key={i}
              article={a}
              testId="reader-article"
              titleTestId="reader-article-title"
              extraParagraphs={restored.get(i)}
              actions={
                a.kind === 'advert' ? undefined : (
                  <button
                    type="button"
                    className={`er-btn ${s.state === 'saved' ? 'saved' : ''}`}
                    data-testid="reader-save"
                    data-state={s.state}
                    disabled={s.state === 'saving'}
                    onClick={() => save([i])}
                  >
                    {s.state === 'saved' ? `✓ ${t('readerSaved')}` : s.state === 'saving' ? t('readerSaving') : s.state === 'error' ? t('readerRetry') : t('readerSave')}
                  </button>
                )
              }
            >
              {showRemoved && placement.byArticle.has(i) && removedList(placement.byArticle.get(i)!, i)}
            </ArticleView>
          );
        })}
      </main>
    </div>
  );
}
