// Background: wires the user's gestures (toolbar, shortcut, context menu) to the reader script,
// and is the only writer of clips (lib/store) for content scripts. Logic lives in lib/.
import { onMessage, type ReaderCommand } from '../lib/messages';
import { installEpaperHints } from '../lib/background/hints';
import { housekeeping, savedOnPage, saveFromMessage } from '../lib/background/clips';

export default defineBackground(() => {
  browser.action.onClicked.addListener((tab) => void injectReader(tab.id, 'toggle'));
  browser.commands?.onCommand.addListener((command, tab) => {
    if (command === 'clean-page') void injectReader(tab?.id, 'toggle');
  });

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.removeAll(() => {
      browser.contextMenus.create({ id: 'er-clean', title: browser.i18n.getMessage('menuClean'), contexts: ['page', 'frame'] });
      browser.contextMenus.create({ id: 'er-save-selection', title: browser.i18n.getMessage('menuSaveSelection'), contexts: ['selection'] });
      browser.contextMenus.create({ id: 'er-open', title: browser.i18n.getMessage('menuOpenClippings'), contexts: ['page', 'selection', 'action'] });
    });
    void installEpaperHints();
    void housekeeping();
  });
  // Expired trash and index maintenance a closed panel or stopped worker left unfinished.
  browser.runtime.onStartup.addListener(() => void housekeeping());
  browser.contextMenus.onClicked.addListener((info, tab) => {
    // Opening the panel must happen synchronously inside the user gesture.
    if (info.menuItemId === 'er-open') openClippings(tab?.id, tab?.windowId);
    else if (info.menuItemId === 'er-clean') void injectReader(tab?.id, 'clean');
    else if (info.menuItemId === 'er-save-selection') void injectReader(tab?.id, 'save-selection');
  });

  onMessage('saveClips', async ({ data, sender }) => {
    const res = await saveFromMessage(data.inputs);
    if (res.ok && sender.tab?.id != null && sender.tab.url) void updateBadge(sender.tab.id, sender.tab.url);
    return res;
  });
  onMessage('savedOnPage', async ({ data, sender }) => {
    const res = await savedOnPage(data.url);
    if (res.ok && sender.tab?.id != null) void setBadge(sender.tab.id, res.value.count);
    return res;
  });
  onMessage('openClippings', ({ sender }) => {
    openClippings(sender.tab?.id, sender.tab?.windowId);
    return { ok: true, value: null };
  });
});

async function injectReader(tabId: number | undefined, command: ReaderCommand) {
  if (tabId == null) return;
  // The activeTab grant of a click can land a moment after the click event (seen with clicks
  // sent through DevTools on a loaded machine): a refused first attempt is tried again briefly.
  for (const wait of [0, 150, 400, 1000]) {
    if (wait) await new Promise((r) => setTimeout(r, wait));
    try {
      await browser.scripting.executeScript({
        target: { tabId },
        func: (c: ReaderCommand) => {
          (window as unknown as { __erCommand?: ReaderCommand }).__erCommand = c;
        },
        args: [command],
      });
      await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/reader.js'] });
      return;
    } catch (e) {
      const refused = /Cannot access contents of the page/i.test(String((e as Error)?.message ?? e));
      if (refused && wait < 1000) continue;
      // Pages the browser protects (chrome://, the web store, PDF viewer) refuse scripts.
      console.warn('[epaper-reader] cannot run on this page:', e);
      await browser.action.setBadgeText({ tabId, text: '×' }).catch(() => {});
      return;
    }
  }
}

function openClippings(tabId: number | undefined, windowId: number | undefined) {
  const side = (browser as unknown as { sidePanel?: { open(o: { tabId?: number; windowId?: number }): Promise<void> } }).sidePanel;
  if (side) {
    void side.open(tabId != null ? { tabId } : { windowId: windowId! }).catch((e) => console.warn('[epaper-reader] side panel:', e));
    return;
  }
  const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  void sidebar?.open().catch(() => {});
}

async function updateBadge(tabId: number, url: string) {
  const res = await savedOnPage(url);
  if (res.ok) await setBadge(tabId, res.value.count);
}

async function setBadge(tabId: number, count: number) {
  await browser.action.setBadgeBackgroundColor({ tabId, color: '#a3271f' }).catch(() => {});
  await browser.action.setBadgeText({ tabId, text: count > 0 ? String(count) : '' }).catch(() => {});
}
