// The search box (IME-aware: no query while a pinyin composition is open), the one-click syntax help,
// and the filters (paper, date range, tag, kind) fed by the store's stats.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type RefObject } from 'react';
import { t } from '../../lib/i18n';
import type { ArticleKind } from '../../lib/types';
import type { SearchFilters, SearchResult, StoreStats } from '../../lib/store/types';
import { kindKey } from './ClipList';
import { useData } from './data';

export interface SearchBarProps {
  value: string;
  onChange(value: string): void;
  filters: SearchFilters;
  onFilters(filters: SearchFilters): void;
  parsed: SearchResult['parsed'] | undefined;
  inputRef: RefObject<HTMLInputElement | null>;
  onKeyDown?(e: React.KeyboardEvent<HTMLInputElement>): void;
}

const KINDS: ArticleKind[] = ['article', 'caption', 'notice', 'advert'];

/** How many filters are set (the trash flag is a view, not a filter). */
export function activeFilterCount(f: SearchFilters): number {
  return [f.paper, f.dateFrom, f.dateTo, f.tag, f.kind].filter(Boolean).length;
}

export function SearchBar({ value, onChange, filters, onFilters, parsed, inputRef, onKeyDown }: SearchBarProps) {
  const [draft, setDraft] = useState(value);
  const [composing, setComposing] = useState(false);
  const [help, setHelp] = useState(false);
  const [showFilters, setShowFilters] = useState(false);
  // Follow outside changes (Esc clears the query) without fighting the user's typing.
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    if (!composing) setDraft(value);
  }
  const nFilters = activeFilterCount(filters);
  const parsedLine = parsed && value.trim() ? describeParsed(parsed) : '';

  return (
    <div className="ep-search">
      <div className="ep-search-row">
        <input
          ref={inputRef}
          type="search"
          className="ep-input ep-search-input"
          data-testid="search-input"
          placeholder={t('panelSearchPlaceholder')}
          aria-label={t('panelSearchPlaceholder')}
          value={draft}
          lang="zh-CN"
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => {
            setDraft(e.target.value);
            if (!composing) onChange(e.target.value);
          }}
          onCompositionStart={() => setComposing(true)}
          onCompositionEnd={(e) => {
            setComposing(false);
            onChange(e.currentTarget.value);
          }}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="er-btn ep-small" data-testid="search-help-toggle" aria-expanded={help} title={t('panelSyntaxHelp')} onClick={() => setHelp((v) => !v)}>
          ?
        </button>
        <button type="button" className={`er-btn ep-small${nFilters ? ' primary' : ''}`} data-testid="filters-toggle" aria-expanded={showFilters} onClick={() => setShowFilters((v) => !v)}>
          {nFilters ? t('panelFiltersOn', nFilters) : t('panelFilters')}
        </button>
      </div>
      {parsedLine && (
        <div className="ep-parsed" data-testid="search-parsed">
          {parsedLine}
        </div>
      )}
      {help && (
        <div className="ep-help" data-testid="search-help">
          <ul>
            <li>
              <code>{t('panelHelpWordsExample')}</code> {t('panelHelpWords')}
            </li>
            <li>
              <code>&quot;{t('panelHelpPhraseExample')}&quot;</code> {t('panelHelpPhrase')}
            </li>
            <li>
              <code>-{t('panelHelpExcludeExample')}</code> {t('panelHelpExclude')}
            </li>
            <li>{t('panelHelpKeys')}</li>
          </ul>
        </div>
      )}
      {showFilters && <FilterPanel filters={filters} onFilters={onFilters} />}
    </div>
  );
}

/** The filter fields; the paper and tag options come from the store's stats, read only while the panel is open. */
function FilterPanel({ filters, onFilters }: { filters: SearchFilters; onFilters(f: SearchFilters): void }) {
  const data = useData();
  const stats: StoreStats | undefined = useLiveQuery(() => data.stats().catch(() => undefined), [data]);
  const nFilters = activeFilterCount(filters);
  const set = (patch: Partial<SearchFilters>) => {
    const next: SearchFilters = { ...filters, ...patch };
    for (const k of Object.keys(next) as (keyof SearchFilters)[]) if (next[k] === '' || next[k] === undefined) delete next[k];
    onFilters(next);
  };
  return (
    <div className="ep-filters" data-testid="filters">
      <label>
        <span>{t('panelFilterPaper')}</span>
        <select className="ep-input" data-testid="filter-paper" value={filters.paper ?? ''} onChange={(e) => set({ paper: e.target.value })}>
          <option value="">{t('panelAny')}</option>
          {withCurrent(stats?.papers.map((p) => ({ value: p.paper, count: p.count })), filters.paper).map((p) => (
            <option key={p.value} value={p.value}>
              {p.count != null ? `${p.value} (${p.count})` : p.value}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('panelFilterTag')}</span>
        <select className="ep-input" data-testid="filter-tag" value={filters.tag ?? ''} onChange={(e) => set({ tag: e.target.value })}>
          <option value="">{t('panelAny')}</option>
          {withCurrent(stats?.tags.map((p) => ({ value: p.tag, count: p.count })), filters.tag).map((p) => (
            <option key={p.value} value={p.value}>
              {p.count != null ? `#${p.value} (${p.count})` : `#${p.value}`}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('panelFilterKind')}</span>
        <select className="ep-input" data-testid="filter-kind" value={filters.kind ?? ''} onChange={(e) => set({ kind: (e.target.value || undefined) as ArticleKind | undefined })}>
          <option value="">{t('panelAny')}</option>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(kindKey[k])}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('panelFilterFrom')}</span>
        <input type="date" className="ep-input" data-testid="filter-date-from" value={filters.dateFrom ?? ''} onChange={(e) => set({ dateFrom: e.target.value })} />
      </label>
      <label>
        <span>{t('panelFilterTo')}</span>
        <input type="date" className="ep-input" data-testid="filter-date-to" value={filters.dateTo ?? ''} onChange={(e) => set({ dateTo: e.target.value })} />
      </label>
      {nFilters > 0 && (
        <button type="button" className="er-btn ep-small" data-testid="filters-clear" onClick={() => onFilters({})}>
          {t('panelClearFilters')}
        </button>
      )}
    </div>
  );
}

/** The stats' options, plus the selected value if the stats don't list it (yet). */
function withCurrent(options: { value: string; count?: number }[] | undefined, current: string | undefined) {
  const list = options ?? [];
  return current && !list.some((o) => o.value === current) ? [{ value: current }, ...list] : list;
}

function describeParsed(p: SearchResult['parsed']): string {
  const parts: string[] = [];
  if (p.terms.length) parts.push(t('panelParsedTerms', p.terms.join(' · ')));
  if (p.phrases.length) parts.push(t('panelParsedPhrases', p.phrases.map((s) => `“${s}”`).join(' ')));
  if (p.excluded.length) parts.push(t('panelParsedExcluded', p.excluded.join(' ')));
  return parts.join('  ');
}
