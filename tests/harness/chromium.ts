// Launch Debian's Chromium (or CHROME_PATH) with the built extension, over the DevTools protocol,
// and click the extension's toolbar button the way a user would (Extensions.triggerAction).
// Used by the e2e tests, `npm start` and the benches. Recipe: ../shared/DESIGN.md.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/microsoft-edge',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export const INSTALL_HINT =
  'No Chromium-family browser found. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium fonts-noto-cjk`) ' +
  'or point CHROME_PATH at Chrome, Edge or Chromium (e.g. CHROME_PATH=/usr/bin/google-chrome npm start).';

export function findChrome(): string {
  const env = process.env.CHROME_PATH;
  if (env) {
    if (!existsSync(env)) throw new Error(`CHROME_PATH=${env} does not exist. ${INSTALL_HINT}`);
    return env;
  }
  const found = CANDIDATES.find((p) => existsSync(p));
  if (!found) throw new Error(INSTALL_HINT);
  return found;
}

export const EXTENSION_DIR = resolve(import.meta.dirname, '..', '..', '.output', 'chrome-mv3');

export interface LaunchOptions {
  headless?: boolean;
  /** Unpacked extension folder; default .output/chrome-mv3. `false`: no extension. */
  extension?: string | false;
  /** Extra Chromium flags. */
  args?: string[];
  /** Keep the profile after close (for the interactive `npm start`). */
  keepProfile?: boolean;
}

export interface Session {
  browser: Browser;
  context: BrowserContext;
  cdp: CDPSession;
  extensionId: string | null;
  profileDir: string;
  /** Click the extension's toolbar button on this page's tab. */
  clickAction(page: Page): Promise<void>;
  /** Open a page of the extension (e.g. "sidepanel.html") in a new tab. */
  openExtensionPage(path: string): Promise<Page>;
  /** The extension's service worker, for evaluating code in the background. */
  close(): Promise<void>;
}

export async function launch(opts: LaunchOptions = {}): Promise<Session> {
  const exe = findChrome();
  const headless = opts.headless ?? true;
  const profileDir = mkdtempSync(join(tmpdir(), 'er-profile-'));
  const args = [
    '--remote-debugging-port=0',
    '--enable-unsafe-extension-debugging',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-features=Translate,MediaRouter,OptimizationHints',
    '--window-size=1280,900',
    '--lang=zh-CN',
    `--user-data-dir=${profileDir}`,
    ...(headless ? ['--headless=new', '--hide-scrollbars'] : []),
    ...(opts.args ?? []),
    'about:blank',
  ];
  const proc = spawn(exe, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: process.platform !== 'win32' });
  let wsUrl: string;
  try {
    wsUrl = await waitForDevTools(proc);
  } catch (e) {
    killTree(proc);
    rmSync(profileDir, { recursive: true, force: true });
    throw e;
  }
  const browser = await chromium.connectOverCDP(wsUrl);
  const context = browser.contexts()[0]!;
  const cdp = await browser.newBrowserCDPSession();
  let extensionId: string | null = null;
  if (opts.extension !== false) {
    const path = opts.extension ?? EXTENSION_DIR;
    if (!existsSync(join(path, 'manifest.json'))) throw new Error(`no built extension at ${path}: run \`npm run build\` first`);
    const res = (await cdp.send('Extensions.loadUnpacked' as never, { path } as never)) as { id: string };
    extensionId = res.id;
    await waitForServiceWorker(cdp, extensionId);
    await backgroundReady(context, extensionId);
  }
  let closed = false;
  const session: Session = {
    browser,
    context,
    cdp,
    extensionId,
    profileDir,
    async clickAction(page: Page) {
      if (!extensionId) throw new Error('no extension loaded');
      const targetId = await tabTargetId(cdp, page);
      await cdp.send('Extensions.triggerAction' as never, { id: extensionId, targetId } as never);
    },
    async openExtensionPage(path: string) {
      if (!extensionId) throw new Error('no extension loaded');
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path.replace(/^\//, '')}`);
      return page;
    },
    async close() {
      if (closed) return;
      closed = true;
      await browser.close().catch(() => {});
      killTree(proc);
      await new Promise((r) => setTimeout(r, 100));
      if (!opts.keepProfile) rmSync(profileDir, { recursive: true, force: true });
    },
  };
  return session;
}

/** Wait until the extension's background service worker runs, so its listeners exist before a click. */
async function waitForServiceWorker(cdp: CDPSession, id: string, timeoutMs = 15_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{}] } as never)) as { targetInfos: { type: string; url: string }[] };
    if (targetInfos.some((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${id}/`))) {
      await new Promise((r) => setTimeout(r, 200));
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the extension's service worker did not start within ${timeoutMs} ms`);
}

/**
 * The CDP target id of the tab (type "tab", not "page") that shows this page. Tab targets carry
 * only url and title, so when several tabs show the same URL the page is told apart by a
 * temporary title mark, removed again before the click.
 */
async function tabTargetId(cdp: CDPSession, page: Page): Promise<string> {
  type Info = { targetId: string; type: string; url: string; title: string };
  const tabs = async () =>
    ((await cdp.send('Target.getTargets', { filter: [{}] } as never)) as { targetInfos: Info[] }).targetInfos.filter((t) => t.type === 'tab');
  const url = page.url();
  const same = (await tabs()).filter((t) => t.url === url);
  if (same.length === 1) return same[0]!.targetId;
  if (same.length === 0) throw new Error(`no tab target for ${url}`);
  const mark = `er-${Math.random().toString(36).slice(2)}`;
  const title = await page.evaluate((m) => {
    const old = document.title;
    document.title = m;
    return old;
  }, mark);
  try {
    for (let i = 0; i < 100; i++) {
      const hit = (await tabs()).find((t) => t.title === mark);
      if (hit) return hit.targetId;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`could not tell the tab of ${url} apart`);
  } finally {
    await page.evaluate((t) => {
      document.title = t;
    }, title);
  }
}

/** Evaluate in the extension's service worker: its top-level code (the listeners) has run. */
async function backgroundReady(context: BrowserContext, id: string) {
  const prefix = `chrome-extension://${id}/`;
  const worker =
    context.serviceWorkers().find((w) => w.url().startsWith(prefix)) ??
    (await context.waitForEvent('serviceworker', { predicate: (w) => w.url().startsWith(prefix), timeout: 15_000 }));
  await worker.evaluate(() => true);
}

function waitForDevTools(proc: ChildProcess): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start within 30 s:\n${buf.slice(-2000)}`)), 30_000);
    proc.stderr!.on('data', (d: Buffer) => {
      buf += d.toString();
      const m = buf.match(/DevTools listening on (ws:\/\/\S+)/);
      if (m) {
        clearTimeout(timer);
        resolvePromise(m[1]!);
      }
    });
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${code}) before DevTools was ready:\n${buf.slice(-2000)}`));
    });
    proc.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

function killTree(proc: ChildProcess) {
  if (proc.exitCode != null || proc.pid == null) return;
  try {
    process.kill(-proc.pid, 'SIGKILL');
  } catch {
    proc.kill('SIGKILL');
  }
}
