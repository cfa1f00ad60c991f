// What an empty archive shows: the product in three lines, and a way to start without a page (paste text).
import { t } from '../../lib/i18n';

export function EmptyState({ onPaste }: { onPaste(): void }) {
  return (
    <div className="ep-empty" data-testid="empty-state">
      <h2>{t('panelEmptyTitle')}</h2>
      <ol>
        <li>{t('panelEmptyStep1')}</li>
        <li>{t('panelEmptyStep2')}</li>
        <li>{t('panelEmptyStep3')}</li>
      </ol>
      <button type="button" className="er-btn" data-testid="empty-paste" onClick={onPaste}>
        {t('panelPasteTitle')}
      </button>
    </div>
  );
}
