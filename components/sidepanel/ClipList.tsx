// The clip list: a virtualised column of rows (title, paper · date · 版次, highlighted snippet) read a few
// pages at a time through useLiveWindow, with an active row for keyboard navigation and optional group
// headers (paper · date) where neighbouring clips come from another issue.
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useRef } from 'react';
import { t } from '../../lib/i18n';
import type { Clip } from '../../lib/store/types';
import { groupLabel, whereLine } from './groups';
import { Highlight } from '../Highlight';
import { clipLabel, clipPreview } from './labels';
import type { LiveWindow, Row } from './useLiveWindow';

export interface ClipListProps {
  win: LiveWindow;
  activeIndex: number;
  grouped: boolean;
  onActivate(index: number): void;
  onOpen(clip: Clip): void;
  onDelete(clip: Clip): void;
  /** The rendered index range (with overscan) and how many rows fit in the viewport, for the window to read. */
  onRange(first: number, last: number, fits: number): void;
  /** Scroll offset to start at (coming back from the reading view) and a sink for the current one. */
  initialOffset?: () => number;
  /** The query whose results are on screen (absent while a newer one runs): for tests and benches. */
  resultsFor?: string;
  onScrollOffset?(offset: number): void;
}

/** A row's estimated height (px; rows are measured once shown). */
const ROW_HEIGHT = 84;
/** How many rows a list this many pixels high shows (a partly visible one at each end included). */
export const rowsFitting = (height: number) => Math.ceil(height / ROW_HEIGHT) + 1;
const HEADER_HEIGHT = 30;

export function ClipList({ win, activeIndex, grouped, onActivate, onOpen, onDelete, onRange, initialOffset, onScrollOffset, resultsFor }: ClipListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = win.count ?? 0;
  const headerAt = (i: number): string | null => {
    if (!grouped) return null;
    const row = win.row(i);
    if (!row) return null;
    const label = groupLabel(row.clip, t('panelUnknownSource'));
    const prev = i > 0 ? win.row(i - 1) : undefined;
    return i === 0 || (prev && groupLabel(prev.clip, t('panelUnknownSource')) !== label) ? label : null;
  };
  // eslint-disable-next-line react-hooks/incompatible-library -- the warning is about React Compiler memoization: this project does not compile with it, and the virtualizer's functions reach no memoized component
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => ROW_HEIGHT + (headerAt(i) ? HEADER_HEIGHT : 0),
    overscan: 4,
    initialOffset: initialOffset ?? 0,
    initialRect: { width: 360, height: 720 },
    onChange: (v) => {
      const items = v.getVirtualItems();
      const first = items[0]?.index ?? 0;
      const last = items[items.length - 1]?.index ?? 0;
      onRange(first, last, rowsFitting(v.scrollRect?.height ?? 720));
      onScrollOffset?.(v.scrollOffset ?? 0);
    },
  });

  // The active row stays in view. The first row (every new query starts there) needs no measuring:
  // scrollToIndex reads the list's scroll height, a forced layout of the whole list on every keystroke.
  useEffect(() => {
    if (activeIndex < 0 || activeIndex >= count) return;
    if (activeIndex === 0) {
      if (scrollRef.current && (virtualizer.scrollOffset ?? 0) > 0) scrollRef.current.scrollTop = 0;
    } else virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, count, virtualizer]);

  // Rows get callbacks that stay the same across renders (the latest props read through a ref), so
  // a row whose clip and state did not change is not rendered again.
  const props = useRef({ onActivate, onOpen, onDelete });
  props.current = { onActivate, onOpen, onDelete };
  const activate = useCallback((index: number) => props.current.onActivate(index), []);
  const open = useCallback((clip: Clip) => props.current.onOpen(clip), []);
  const remove = useCallback((clip: Clip) => props.current.onDelete(clip), []);

  const items = virtualizer.getVirtualItems();
  return (
    <div ref={scrollRef} className="ep-scroll" data-testid="clip-list" data-results-for={resultsFor} aria-busy={win.stale} role="listbox" aria-label={t('panelTitle')}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
        {items.map((item) => {
          const row = win.row(item.index);
          const header = headerAt(item.index);
          return (
            // Keyed by slot: a new query's rows fill the slots already on screen (their text changes
            // in place) instead of unmounting them and mounting new ones, each measured on mount.
            <div
              key={item.index}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="ep-slot"
              style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start}px)` }}
            >
              {header && (
                <div className="ep-group" data-testid="clip-group">
                  {header}
                </div>
              )}
              {row ? (
                <ClipRow row={row} index={item.index} active={item.index === activeIndex} onActivate={activate} onOpen={open} onDelete={remove} />
              ) : (
                <div className="ep-row ep-placeholder" aria-hidden="true" />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

const ClipRow = memo(function ClipRow({ row, index, active, onActivate, onOpen, onDelete }: { row: Row; index: number; active: boolean; onActivate(index: number): void; onOpen(c: Clip): void; onDelete(c: Clip): void }) {
  const { clip, snippet, highlights } = row;
  const titleMarks = highlights.filter((h) => h.field === 'title');
  const where = whereLine(clip);
  const title = clipLabel(clip) ?? t(clip.kind === 'caption' ? 'panelUntitledCaption' : 'panelUntitled');
  const preview = snippet && snippet.text ? null : clipPreview(clip);
  return (
    <div
      className={`ep-row${active ? ' is-active' : ''}`}
      data-testid="clip-item"
      data-id={clip.id}
      role="option"
      aria-selected={active}
      onMouseDown={() => onActivate(index)}
      onClick={() => onOpen(clip)}
    >
      <div className="ep-row-main">
        <button type="button" className="ep-row-title" data-testid="clip-open" onClick={(e) => {
            e.stopPropagation();
            onOpen(clip);
          }} tabIndex={-1}>
          <span data-testid="clip-title" lang="zh-CN">
            {clip.title ? <Highlight text={clip.title} marks={titleMarks} /> : title}
          </span>
        </button>
        <div className="ep-row-meta">
          {clip.kind !== 'article' && <span className="ep-kind">{t(kindKey[clip.kind])}</span>}
          {where && <span>{where}</span>}
          {clip.tags.length > 0 && <span className="ep-tags">{clip.tags.map((tag) => `#${tag}`).join(' ')}</span>}
        </div>
        {snippet && snippet.text && (
          <p className="ep-snippet" lang="zh-CN">
            <Highlight text={snippet.text} marks={snippet.marks} testId="search-snippet" />
          </p>
        )}
        {preview && (
          <p className="ep-snippet ep-preview" lang="zh-CN">
            {preview}
          </p>
        )}
      </div>
      <button type="button" className="ep-icon-btn" data-testid="clip-delete" aria-label={t('panelDelete')} title={t('panelDelete')} onClick={(e) => {
        e.stopPropagation();
        onDelete(clip);
      }} onMouseDown={(e) => e.stopPropagation()} tabIndex={-1}>
        <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round">
          <path d="M2.5 4h11M6 4V2.5h4V4M4 4l.8 9.5h6.4L12 4M6.8 6.5v4.5M9.2 6.5v4.5" />
        </svg>
      </button>
    </div>
  );
});

export const kindKey = { article: 'panelKindArticle', caption: 'panelKindCaption', notice: 'panelKindNotice', advert: 'panelKindAdvert' } as const;
