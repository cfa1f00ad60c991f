// The extension build the e2e tests load: the release build plus testkit.html (see wxt.config.ts).
import { resolve } from 'node:path';
export const EXTENSION = resolve(import.meta.dirname, '..', '..', '.output', 'chrome-mv3-testkit');
