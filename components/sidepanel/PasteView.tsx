// "Paste text": raw page text (a PDF copy, an OCR dump) → the same lib/segment rules → the articles,
// each savable on its own or all at once, with the paper/date/版次 the user can correct before saving.
import { useState } from 'react';
import { t } from '../../lib/i18n';
import { cleanText } from '../../lib/segment';
import type { CleanPage } from '../../lib/types';
import { ArticleView } from '../ArticleView';
import { useData } from './data';

type Meta = { paper: string; date: string; page: string };

export function PasteView({ onBack }: { onBack(): void }) {
  const data = useData();
  const [text, setText] = useState('');
  const [page, setPage] = useState<CleanPage | null>(null);
  const [meta, setMeta] = useState<Meta>({ paper: '', date: '', page: '' });
  const [saved, setSaved] = useState<Set<number>>(new Set());
  const [error, setError] = useState<string | null>(null);

  const clean = () => {
    try {
      const result = cleanText(text);
      setPage(result);
      setMeta({ paper: result.source.paper ?? '', date: result.source.date ?? '', page: result.source.page ?? '' });
      setSaved(new Set());
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const savable = page ? page.articles.map((a, i) => (a.kind === 'advert' ? -1 : i)).filter((i) => i >= 0) : [];
  const unsaved = savable.filter((i) => !saved.has(i));
  const save = async (indices: number[]) => {
    if (!page) return;
    try {
      await data.saveClips(
        indices.map((i) => ({ ...page.articles[i]!, paper: meta.paper.trim() || null, date: meta.date.trim() || null, page: meta.page.trim() || null, url: null })),
      );
      setSaved((s) => new Set([...s, ...indices]));
      setError(null);
    } catch (e) {
      setError(t('panelSaveError', e instanceof Error ? e.message : String(e)));
    }
  };

  return (
    <div className="ep-paste ep-pad" data-testid="paste-view">
      <div className="ep-reading-bar">
        <button type="button" className="er-btn ep-small" data-testid="paste-back" onClick={onBack}>
          ← {t('panelBack')}
        </button>
        <strong>{t('panelPasteTitle')}</strong>
      </div>
      <p className="ep-muted">{t('panelPasteHint')}</p>
      <textarea className="ep-input ep-paste-input" data-testid="paste-input" rows={8} lang="zh-CN" value={text} placeholder={t('panelPastePlaceholder')} onChange={(e) => setText(e.target.value)} />
      <div className="ep-row-actions">
        <button type="button" className="er-btn primary" data-testid="paste-clean" disabled={!text.trim()} onClick={clean}>
          {t('panelPasteClean')}
        </button>
        {page && savable.length > 0 && (
          <button type="button" className="er-btn" data-testid="paste-save-all" disabled={unsaved.length === 0} onClick={() => void save(unsaved)}>
            {unsaved.length === 0 ? t('panelPasteAllSaved') : t('panelPasteSaveAll', unsaved.length)}
          </button>
        )}
      </div>
      {error && (
        <div className="ep-error" role="alert" data-testid="paste-error">
          {error}
        </div>
      )}
      {page && (
        <>
          <div className="ep-filters" data-testid="paste-meta">
            {(['paper', 'date', 'page'] as const).map((k) => (
              <label key={k}>
                <span>{t(metaKey[k])}</span>
                <input className="ep-input" data-testid={`paste-${k}`} value={meta[k]} placeholder={k === 'date' ? 'YYYY-MM-DD' : ''} onChange={(e) => setMeta((m) => ({ ...m, [k]: e.target.value }))} />
              </label>
            ))}
          </div>
          <p className="ep-muted" data-testid="paste-summary">
            {t('panelPasteFound', page.articles.length, page.removed.length)}
          </p>
          {page.articles.map((a, i) => (
            <ArticleView
              key={i}
              article={a}
              testId="paste-article"
              titleTestId="paste-article-title"
              actions={
                a.kind === 'advert' ? undefined : (
                  <button type="button" className={`er-btn ep-small${saved.has(i) ? ' saved' : ''}`} data-testid="paste-save" disabled={saved.has(i)} onClick={() => void save([i])}>
                    {saved.has(i) ? `✓ ${t('panelSavedClip')}` : t('panelSaveClip')}
                  </button>
                )
              }
            />
          ))}
        </>
      )}
    </div>
  );
}

const metaKey = { paper: 'panelFilterPaper', date: 'panelDate', page: 'panelPage' } as const;
