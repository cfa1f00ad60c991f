// One clip opened in the panel: the article in the reading typography, where it was printed, copy as
// Markdown / plain text, the source page, tags and a note, and delete (to the trash, with undo upstream).
// Opened from a search, the search's words are marked in the text, and a bar steps through them.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import { articleToMarkdown, articleToPlainText } from '../../lib/format';
import { t } from '../../lib/i18n';
import type { Clip } from '../../lib/store/types';
import { ArticleView, type FieldMarks } from '../ArticleView';
import { copyText } from './clipboard';
import { useData } from './data';
import { whereLine } from './groups';
import { safeHttpUrl } from './links';
import { parseTags } from './tags';

/** Steps through the marked matches (the panel's N / Shift+N keys). */
export interface MatchNav {
  step(by: 1 | -1): void;
}

export interface ReadingViewProps {
  id: string;
  /** The search the clip was opened from: its words and phrases are marked. */
  query?: string;
  onBack(): void;
  onDelete(clip: Clip): void;
  nav?: Ref<MatchNav>;
}

export function ReadingView({ id, query, onBack, onDelete, nav }: ReadingViewProps) {
  const data = useData();
  const answer = useLiveQuery(async () => ({ id, clip: (await data.getClip(id)) ?? null }), [data, id]);
  const clip = answer?.id === id ? answer.clip : undefined;
  const [status, setStatus] = useState<string | null>(null);
  // Marks are computed from the clip as it is now (an edit elsewhere re-renders with new offsets).
  const marks = useMemo<FieldMarks | null>(() => {
    if (!clip || !query || !data.highlight) return null;
    const byField = new Map<string, { start: number; end: number }[]>();
    for (const h of data.highlight(clip, query)) {
      const list = byField.get(h.field) ?? [];
      list.push(h);
      byField.set(h.field, list);
    }
    return byField;
  }, [clip, query, data]);
  // Every marked range is one match; the photo credit is shown through a template, without marks.
  const count = useMemo(() => (marks ? [...marks].reduce((n, [field, list]) => (field === 'credit' ? n : n + list.length), 0) : 0), [marks]);
  // Which match is current; it starts over at the first when the marks change (an edit elsewhere).
  const [pos, setPos] = useState<{ marks: FieldMarks | null; at: number; moved: boolean }>({ marks: null, at: 0, moved: false });
  const at = pos.marks === marks && pos.at < count ? pos.at : 0;
  const moved = pos.marks === marks && pos.moved;
  const articleRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The rendered <mark>s, in reading order, are the matches.
    const els = Array.from(articleRef.current?.querySelectorAll('mark') ?? []);
    els.forEach((el, i) => el.classList.toggle('ep-mark-current', i === at));
    // On opening, the first match is brought into view only if it is not; a step centres its match.
    els[at]?.scrollIntoView?.({ block: moved ? 'center' : 'nearest' });
  }, [at, moved, marks]);
  const step = (by: 1 | -1) => {
    if (count) setPos({ marks, at: (at + by + count) % count, moved: true });
  };
  useImperativeHandle(nav, () => ({ step }));
  // Focus moves to the opened clip (out of the search box), so N / Shift+N step through the matches
  // and the arrow keys scroll the text; Esc goes back to the list (and its search box).
  const rootRef = useRef<HTMLDivElement>(null);
  const loaded = clip != null;
  useEffect(() => {
    if (loaded) rootRef.current?.focus({ preventScroll: true });
  }, [loaded, id]);

  if (clip === undefined) return <p className="ep-muted ep-pad">{t('panelLoading')}</p>;
  if (clip === null)
    return (
      <div className="ep-pad">
        <button type="button" className="er-btn" data-testid="reader-back" onClick={onBack}>
          ← {t('panelBack')}
        </button>
        <p className="ep-muted">{t('panelClipGone')}</p>
      </div>
    );

  const where = whereLine(clip);
  const href = safeHttpUrl(clip.url);
  const copy = async (kind: 'md' | 'text') => {
    const text = kind === 'md' ? articleToMarkdown(clip, { paper: clip.paper ?? undefined, date: clip.date ?? undefined, page: clip.page ?? undefined, url: clip.url ?? undefined }, 1) : articleToPlainText(clip);
    setStatus((await copyText(text)) ? t('panelCopied') : t('panelCopyFailed'));
  };

  return (
    <div className="ep-reading" data-testid="clip-reader" ref={rootRef} tabIndex={-1}>
      <div className="ep-reading-bar">
        <button type="button" className="er-btn ep-small" data-testid="reader-back" onClick={onBack} title={t('panelBackHint')}>
          ← {t('panelBack')}
        </button>
        <span className="ep-spacer" />
        <button type="button" className="er-btn ep-small" data-testid="copy-markdown" onClick={() => void copy('md')}>
          {t('panelCopyMarkdown')}
        </button>
        <button type="button" className="er-btn ep-small" data-testid="copy-text" onClick={() => void copy('text')}>
          {t('panelCopyText')}
        </button>
        {href && (
          <a className="er-btn ep-small" data-testid="clip-source" href={href} target="_blank" rel="noopener noreferrer">
            {t('panelOpenSource')}
          </a>
        )}
        {clip.deletedAt == null && (
          <button type="button" className="er-btn ep-small" data-testid="clip-delete" onClick={() => onDelete(clip)}>
            {t('panelDelete')}
          </button>
        )}
        {query && (
          <div className="ep-find" data-testid="reader-matches">
            <span role="status">{count ? t('panelMatches', query, at + 1, count) : t('panelNoMatches', query)}</span>
            <button type="button" className="er-btn ep-small" data-testid="reader-match-prev" disabled={count < 2} onClick={() => step(-1)} title={t('panelMatchPrev')} aria-label={t('panelMatchPrev')}>
              ↑
            </button>
            <button type="button" className="er-btn ep-small" data-testid="reader-match-next" disabled={count < 2} onClick={() => step(1)} title={t('panelMatchNext')} aria-label={t('panelMatchNext')}>
              ↓
            </button>
          </div>
        )}
      </div>
      {status && (
        <div className="ep-status" role="status" data-testid="reader-status">
          {status}
        </div>
      )}
      {clip.deletedAt != null && (
        <div className="ep-status" data-testid="reader-in-trash">
          {t('panelInTrash')}
        </div>
      )}
      {where && <div className="ep-where">{where}</div>}
      <div ref={articleRef}>
        <ArticleView article={clip} level={1} titleTestId="reader-title" marks={marks ?? undefined} />
      </div>
      <MetaEditor key={clip.id} clip={clip} />
    </div>
  );
}

/** Tags and note of a clip; saved with one button (or Ctrl/⌘+Enter in the note). */
function MetaEditor({ clip }: { clip: Clip }) {
  const data = useData();
  const [tags, setTags] = useState(clip.tags.join(', '));
  const [note, setNote] = useState(clip.note);
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'error'>('idle');
  const dirty = tags !== clip.tags.join(', ') || note !== clip.note;
  const save = async () => {
    setState('saving');
    try {
      const list = parseTags(tags);
      await data.updateClip(clip.id, { tags: list, note });
      setTags(list.join(', '));
      setState('saved');
    } catch {
      setState('error');
    }
  };
  return (
    <form
      className="ep-meta-edit"
      data-testid="clip-meta"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label>
        <span>{t('panelTags')}</span>
        <input className="ep-input" data-testid="clip-tags" value={tags} placeholder={t('panelTagsPlaceholder')} onChange={(e) => setTags(e.target.value)} />
      </label>
      <label>
        <span>{t('panelNote')}</span>
        <textarea
          className="ep-input"
          data-testid="clip-note"
          rows={3}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void save();
            }
          }}
        />
      </label>
      <div className="ep-row-actions">
        <button type="submit" className="er-btn ep-small primary" data-testid="clip-meta-save" disabled={!dirty || state === 'saving'}>
          {t('panelSaveMeta')}
        </button>
        {state === 'saved' && !dirty && <span className="ep-muted">{t('panelSavedMeta')}</span>}
        {state === 'error' && <span className="ep-error">{t('panelSaveFailed')}</span>}
      </div>
    </form>
  );
}
