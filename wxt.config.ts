import { defineConfig } from 'wxt';

// The extension's manifest and build. Permissions are the least the product needs (README,
// "Security and data safety"): no host permissions and no static content script; the reader is
// injected on a user gesture (toolbar, shortcut, context menu) through activeTab.
//
// ER_TESTKIT=1 adds testkit.html, a page that exposes lib/store on `window` so the e2e tests and
// the benches can drive the extension's own IndexedDB in real Chromium; release builds leave it out.
const testkit = process.env.ER_TESTKIT === '1';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  outDir: '.output',
  outDirTemplate: testkit ? '{{browser}}-mv{{manifestVersion}}-testkit' : '{{browser}}-mv{{manifestVersion}}',
  filterEntrypoints: testkit ? undefined : ['background', 'reader', 'sidepanel'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: [
      'activeTab',
      'scripting',
      ...(browser === 'chrome' ? ['sidePanel'] : []),
      'storage',
      'contextMenus',
      'unlimitedStorage',
      ...(browser === 'chrome' ? ['declarativeContent'] : []),
    ],
    action: { default_title: '__MSG_actionTitle__' },
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    commands: {
      'clean-page': {
        suggested_key: { default: 'Alt+Shift+R' },
        description: '__MSG_commandClean__',
      },
    },
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; base-uri 'none'; frame-ancestors 'none'",
    },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'epaper-reader@example.org', strict_min_version: '128.0' } } }
      : {}),
  }),
});
