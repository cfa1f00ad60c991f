// The background's wiring with WXT's fakeBrowser: every gesture (toolbar, keyboard command,
// context menu) injects the reader with the right command, and only on that tab; "Open
// clippings" opens the side panel. APIs the fake lacks are stubbed here.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { fakeBrowser as FakeBrowser } from 'wxt/testing';

// Each test gets fresh modules: @webext-core/messaging allows one listener per message per context.
let fakeBrowser: typeof FakeBrowser;

type Listener = (...args: never[]) => unknown;
function event() {
  const listeners: Listener[] = [];
  return {
    addListener: (l: Listener) => void listeners.push(l),
    removeListener: () => {},
    hasListener: () => true,
    trigger: (...args: unknown[]) => Promise.all(listeners.map((l) => (l as (...a: unknown[]) => unknown)(...args))),
  };
}

const calls: { target: { tabId: number }; func?: unknown; args?: unknown[]; files?: string[] }[] = [];
let commands: ReturnType<typeof event>;
let menuClicked: ReturnType<typeof event>;
const menus: { id: string; contexts: string[] }[] = [];
const sidePanelOpen = vi.fn(async () => {});

beforeEach(async () => {
  vi.resetModules();
  fakeBrowser = (await import('wxt/testing')).fakeBrowser;
  const background = (await import('../../entrypoints/background')).default;
  fakeBrowser.reset();
  calls.length = 0;
  menus.length = 0;
  sidePanelOpen.mockClear();
  commands = event();
  menuClicked = event();
  const b = fakeBrowser as unknown as Record<string, unknown>;
  b.scripting = { executeScript: vi.fn(async (opts: (typeof calls)[number]) => void calls.push(opts)) };
  b.commands = { onCommand: commands };
  b.contextMenus = {
    removeAll: (cb: () => void) => cb(),
    create: (m: { id: string; contexts: string[] }) => void menus.push(m),
    onClicked: menuClicked,
  };
  b.sidePanel = { open: sidePanelOpen };
  (fakeBrowser.i18n as unknown as { getMessage: (k: string) => string }).getMessage = (k: string) => k;
  background.main();
});

/** The command the background set before injecting the reader script. */
function injected() {
  const cmd = calls.filter((c) => c.func).map((c) => ({ tab: c.target.tabId, command: c.args?.[0] }));
  const files = calls.filter((c) => c.files).map((c) => ({ tab: c.target.tabId, files: c.files }));
  return { cmd, files };
}

describe('background', () => {
  it('a toolbar click injects the reader into that tab as a toggle', async () => {
    await fakeBrowser.action.onClicked.trigger({ id: 7 } as never, undefined);
    expect(injected()).toEqual({ cmd: [{ tab: 7, command: 'toggle' }], files: [{ tab: 7, files: ['/content-scripts/reader.js'] }] });
  });

  it('the keyboard command does the same without a click', async () => {
    await commands.trigger('clean-page', { id: 3 });
    await commands.trigger('something-else', { id: 4 });
    expect(injected().files).toEqual([{ tab: 3, files: ['/content-scripts/reader.js'] }]);
  });

  it('creates the three context menu items on install and routes their clicks', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    expect(menus.map((m) => m.id)).toEqual(['er-clean', 'er-save-selection', 'er-open']);
    expect(menus.find((m) => m.id === 'er-save-selection')!.contexts).toEqual(['selection']);
    await menuClicked.trigger({ menuItemId: 'er-save-selection' }, { id: 9 });
    await menuClicked.trigger({ menuItemId: 'er-clean' }, { id: 9 });
    expect(injected().cmd).toEqual([
      { tab: 9, command: 'save-selection' },
      { tab: 9, command: 'clean' },
    ]);
    await menuClicked.trigger({ menuItemId: 'er-open' }, { id: 9, windowId: 1 });
    expect(sidePanelOpen).toHaveBeenCalledWith({ tabId: 9 });
  });

  it('retries a click whose activeTab grant lands a moment late', async () => {
    let refusals = 1;
    const exec = (fakeBrowser as unknown as { scripting: { executeScript: (o: (typeof calls)[number]) => Promise<void> } }).scripting;
    const real = exec.executeScript;
    exec.executeScript = async (o) => {
      if (refusals-- > 0) throw new Error('Cannot access contents of the page. Extension manifest must request permission to access the respective host.');
      return real(o);
    };
    await fakeBrowser.action.onClicked.trigger({ id: 6 } as never, undefined);
    await vi.waitFor(() => expect(injected().files).toEqual([{ tab: 6, files: ['/content-scripts/reader.js'] }]));
    expect(await fakeBrowser.action.getBadgeText({ tabId: 6 })).toBe('');
  });

  it('a page that refuses scripts gets a mark on the badge, not an exception', async () => {
    (fakeBrowser as unknown as { scripting: { executeScript: () => Promise<never> } }).scripting.executeScript = async () => {
      throw new Error('Cannot access a chrome:// URL');
    };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await fakeBrowser.action.onClicked.trigger({ id: 5 } as never, undefined);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe('×');
    warn.mockRestore();
  });
});
