// One article as the reader shows it (overlay card and side-panel reading view): kicker, title,
// subtitle, byline/dateline, body with subheads, caption credit, truncation. Text only: every
// string from the page is rendered as a React text node, never as HTML.
import type { ReactNode } from 'react';
import { t } from '../lib/i18n';
import type { Article } from '../lib/types';
import { Highlight } from './Highlight';

/** Ranges to mark, by field: `kicker`, `title`, `subtitle`, `byline`, `dateline`, `body.<i>`. */
export type FieldMarks = ReadonlyMap<string, readonly { start: number; end: number }[]>;

export interface ArticleViewProps {
  article: Article;
  /** Heading level for the title (overlay cards: 2, reading view: 1). */
  level?: 1 | 2;
  titleTestId?: string;
  /** Buttons or state shown in the card's header (save, saved…). */
  actions?: ReactNode;
  /** Extra content after the body (removed items shown in place, restore buttons…). */
  children?: ReactNode;
  /** Extra body paragraphs the user restored from the removed list. */
  extraParagraphs?: string[];
  testId?: string;
  className?: string;
  /** Ranges of the text to show marked (the reading view: where the search's words occur). */
  marks?: FieldMarks;
}

const kindLabel = { caption: 'readerCaption', notice: 'readerNotice', advert: 'readerAdvert' } as const;

export function ArticleView({ article: a, level = 2, titleTestId, actions, children, extraParagraphs, testId, className, marks }: ArticleViewProps) {
  const Title = level === 1 ? 'h1' : 'h2';
  const people = a.byline;
  // A field's text, with its marks as <mark> elements when it has any (text nodes either way).
  const text = (field: string, value: string): ReactNode => {
    const m = marks?.get(field);
    return m?.length ? <Highlight text={value} marks={m} /> : value;
  };
  return (
    <article className={`er-article er-kind-${a.kind} ${className ?? ''}`} data-testid={testId} lang="zh-CN">
      <header className="er-article-head">
        {a.kind !== 'article' && <div className="er-kind-label">{t(kindLabel[a.kind])}</div>}
        {a.kicker && <p className="er-kicker">{text('kicker', a.kicker)}</p>}
        {a.title && (
          <Title className="er-title" data-testid={titleTestId}>
            {text('title', a.title)}
          </Title>
        )}
        {a.subtitle && <p className="er-subtitle">{text('subtitle', a.subtitle)}</p>}
        {(a.dateline || people) && (
          <p className="er-byline">
            {a.dateline && <span className="er-dateline">{text('dateline', a.dateline)}</span>}
            {a.dateline && people && ' '}
            {people && <span className="er-people">{text('byline', people)}</span>}
          </p>
        )}
        {actions && <div className="er-actions">{actions}</div>}
      </header>
      <div className="er-body">
        {a.body.map((item, i) =>
          item.type === 'subhead' ? (
            <h3 key={i} className="er-subhead">
              {text(`body.${i}`, item.text)}
            </h3>
          ) : (
            <p key={i}>{text(`body.${i}`, item.text)}</p>
          ),
        )}
        {extraParagraphs?.map((text, i) => (
          <p key={`x${i}`} className="er-restored">
            {text}
          </p>
        ))}
        {a.kind === 'caption' && a.credit && <p className="er-credit">{t('readerCredit', a.credit)}</p>}
      </div>
      {(a.truncated || a.continuedOn) && (
        <p className="er-continued">{a.continuedOn ? t('readerContinuedOn', a.continuedOn) : t('readerTruncated')}</p>
      )}
      {children}
    </article>
  );
}
