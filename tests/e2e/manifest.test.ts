// Least privilege, checked on the built extension: nothing beyond what the features need.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const out = resolve(import.meta.dirname, '..', '..', '.output');
const ALLOWED = new Set(['activeTab', 'scripting', 'sidePanel', 'storage', 'contextMenus', 'unlimitedStorage', 'declarativeContent']);

const builds = ['chrome-mv3', 'firefox-mv3'].filter((b) => existsSync(join(out, b, 'manifest.json')));

describe.each(builds)('%s manifest', (build) => {
  const m = JSON.parse(readFileSync(join(out, build, 'manifest.json'), 'utf8'));
  it('asks only for the permissions the features need', () => {
    for (const p of m.permissions ?? []) expect(ALLOWED, `unexpected permission ${p}`).toContain(p);
    expect(m.host_permissions ?? []).toEqual([]);
    expect(m.optional_host_permissions ?? []).toEqual([]);
    expect(JSON.stringify(m)).not.toContain('<all_urls>');
    expect(JSON.stringify(m)).not.toMatch(/"\*:\/\/\*\/\*"/);
  });
  it('has no static content script and no web-accessible resources open to every site', () => {
    expect(m.content_scripts ?? []).toEqual([]);
    for (const r of m.web_accessible_resources ?? []) expect(r.matches ?? []).not.toContain('<all_urls>');
  });
  it('has a strict CSP for extension pages (no eval, no remote script)', () => {
    const csp: string = m.content_security_policy?.extension_pages ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:/);
  });
  it('ships no test-only page', () => {
    expect(readdirSync(join(out, build))).not.toContain('testkit.html');
  });
  it('declares the clean-page shortcut and the locales', () => {
    expect(m.commands?.['clean-page']?.suggested_key?.default).toBeTruthy();
    expect(existsSync(join(out, build, '_locales', 'zh_CN', 'messages.json'))).toBe(true);
    expect(existsSync(join(out, build, '_locales', 'en', 'messages.json'))).toBe(true);
  });
});

it('the release builds exist', () => expect(builds).toEqual(['chrome-mv3', 'firefox-mv3']));
