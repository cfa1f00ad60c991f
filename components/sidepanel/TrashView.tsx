// The trash: clips deleted from the list, newest deletion first as the store lists them, each with
// Restore; "Empty trash" deletes them for good after a second click to confirm.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useMemo, useRef, useState } from 'react';
import { t } from '../../lib/i18n';
import type { Clip } from '../../lib/store/types';
import { useData } from './data';
import { whereLine } from './groups';
import { clipLabel } from './labels';
import { useDeferredCount, useLiveWindow, type FetchWindow } from './useLiveWindow';

export function TrashView({ onBack }: { onBack(): void }) {
  const data = useData();
  const [range, setRange] = useState({ first: 0, last: 20 });
  const [confirming, setConfirming] = useState(false);
  const fetchWindow = useCallback<FetchWindow>(
    async (offset, limit) => {
      const row = (clip: Clip) => ({ clip, snippet: null, highlights: [] });
      if (data.listPage) return { rows: (await data.listPage(offset, limit, true)).map(row) };
      const res = await data.listRecent({ offset, limit }, { trash: true });
      return { total: res.total, rows: res.clips.map(row) };
    },
    [data],
  );
  const countTrash = useMemo(() => (data.countClips ? () => data.countClips!(true) : null), [data]);
  const trashTotal = useDeferredCount(countTrash, true);
  const win = useLiveWindow({ fetchWindow, knownTotal: trashTotal, key: 'trash', first: range.first, last: range.last, changes: data.onClipsChanged });
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = win.count ?? 0;
  // eslint-disable-next-line react-hooks/incompatible-library -- the warning is about React Compiler memoization: this project does not compile with it, and the virtualizer's functions reach no memoized component
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 64,
    overscan: 8,
    initialRect: { width: 360, height: 720 },
    onChange: (v) => {
      const items = v.getVirtualItems();
      const first = items[0]?.index ?? 0;
      const last = items[items.length - 1]?.index ?? 0;
      setRange((r) => (r.first === first && r.last === last ? r : { first, last }));
    },
  });

  return (
    <div className="ep-trash" data-testid="trash-view">
      <div className="ep-reading-bar">
        <button type="button" className="er-btn ep-small" data-testid="trash-back" onClick={onBack}>
          ← {t('panelBack')}
        </button>
        <strong className="ep-count" data-testid="trash-count">
          {t('panelTrashCount', count)}
        </strong>
        <span className="ep-spacer" />
        {count > 0 &&
          (confirming ? (
            <>
              <button
                type="button"
                className="er-btn ep-small primary"
                data-testid="trash-empty-confirm"
                onClick={() => {
                  setConfirming(false);
                  void data.emptyTrash();
                }}
              >
                {t('panelEmptyTrashConfirm', count)}
              </button>
              <button type="button" className="er-btn ep-small" onClick={() => setConfirming(false)}>
                {t('panelCancel')}
              </button>
            </>
          ) : (
            <button type="button" className="er-btn ep-small" data-testid="trash-empty" onClick={() => setConfirming(true)}>
              {t('panelEmptyTrash')}
            </button>
          ))}
      </div>
      {win.count === 0 && <p className="ep-muted ep-pad">{t('panelTrashEmpty')}</p>}
      <div ref={scrollRef} className="ep-scroll">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = win.row(item.index);
            return (
              <div
                key={row ? row.clip.id : `p${item.index}`}
                data-index={item.index}
                ref={virtualizer.measureElement}
                style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${item.start}px)` }}
              >
                {row ? (
                  <div className="ep-row" data-testid="trash-item" data-id={row.clip.id}>
                    <div className="ep-row-main">
                      <div className="ep-row-title" lang="zh-CN" data-testid="trash-title">
                        {clipLabel(row.clip) ?? t('panelUntitled')}
                      </div>
                      <div className="ep-row-meta">{whereLine(row.clip)}</div>
                    </div>
                    <button type="button" className="er-btn ep-small" data-testid="trash-restore" onClick={() => void data.restoreClip(row.clip.id)}>
                      {t('panelRestore')}
                    </button>
                  </div>
                ) : (
                  <div className="ep-row ep-placeholder" aria-hidden="true" />
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
