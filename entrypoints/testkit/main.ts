// Test-only page (built with ER_TESTKIT=1, never in a release build): exposes the store and the
// rules on `window` so e2e tests and benches can drive the extension's own IndexedDB in real Chromium.
import * as store from '../../lib/store';
import * as segment from '../../lib/segment';
import { runStoreSuite } from '../../tests/unit/store/browser-suite';

Object.assign(window, { erStore: store, erSegment: segment, erRunStoreSuite: runStoreSuite });
document.getElementById('status')!.textContent = 'ready';
