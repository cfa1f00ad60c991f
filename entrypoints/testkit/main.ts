// Test-only page (built with ER_TESTKIT=1, never in a release build): exposes the store and the
// rules on `window` so e2e tests and benches can drive the extension's own IndexedDB in real Chromium.
import * as storeLib from '../../lib/store';
import * as segment from '../../lib/segment';

Object.assign(window, { erStore: storeLib.getStore(), erStoreLib: storeLib, erSegment: segment });
document.getElementById('status')!.textContent = 'ready';
