import { defineConfig } from 'wxt';

// The extension's manifest and build. Permissions are the least the product needs
// (see README "Security and data safety"): no host permissions, no static content
// script; the reader script is injected on a user gesture through activeTab.
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  outDir: '.output',
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['activeTab', 'scripting', 'sidePanel', 'storage'],
    action: {
      default_title: '__MSG_actionTitle__',
    },
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
  },
});
