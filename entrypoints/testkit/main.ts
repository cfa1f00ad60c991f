// Test-only page (built with ER_TESTKIT=1, never in a release build): exposes the store, the
// rules and the store's browser suite on `window` so e2e tests and benches can drive the
// extension's own IndexedDB in real Chromium.
import * as storeLib from '../../lib/store';
import * as segment from '../../lib/segment';
import { runStoreSuite } from '../../tests/unit/store/browser-suite';

Object.assign(window, { erStore: storeLib.getStore(), erStoreLib: storeLib, erSegment: segment, erRunStoreSuite: () => runStoreSuite(storeLib) });
document.getElementById('status')!.textContent = 'ready';
