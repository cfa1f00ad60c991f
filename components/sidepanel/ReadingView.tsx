// One clip opened in the panel: the article in the reading typography, where it was printed, copy as
// Markdown / plain text, the source page, tags and a note, and delete (to the trash, with undo upstream).
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { articleToMarkdown, articleToPlainText } from '../../lib/format';
import { t } from '../../lib/i18n';
import type { Clip } from '../../lib/store/types';
import { ArticleView } from '../ArticleView';
import { copyText } from './clipboard';
import { useData } from './data';
import { whereLine } from './groups';
import { safeHttpUrl } from './links';
import { parseTags } from './tags';

export interface ReadingViewProps {
  id: string;
  onBack(): void;
  onDelete(clip: Clip): void;
}

export function ReadingView({ id, onBack, onDelete }: ReadingViewProps) {
  const data = useData();
  const answer = useLiveQuery(async () => ({ id, clip: (await data.getClip(id)) ?? null }), [data, id]);
  const clip = answer?.id === id ? answer.clip : undefined;
  const [status, setStatus] = useState<string | null>(null);

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
    <div className="ep-reading" data-testid="clip-reader">
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
      <ArticleView article={clip} level={1} titleTestId="reader-title" />
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
