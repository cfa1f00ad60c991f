// Writes tests/fixtures/pages/<name>/source.json from the current lib/extract, for fixtures of the
// extract templates only (never clean.json; that is lib/segment's). Review the diff: it is the spec.
//   npx tsx tests/unit/extract/write-sources.mts [name-prefix]
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeHtml, extract, parseHtml } from '../../../lib/extract/index.ts';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'pages');
const prefix = process.argv[2] ?? '';
const OURS = /^(founder-classic|founder-pc|people-old|rmrb-current|paperindex|generic)-/;
for (const name of readdirSync(dir).sort()) {
  const input = join(dir, name, 'input.html');
  if (!OURS.test(name) || !name.startsWith(prefix) || !existsSync(input)) continue;
  const urlFile = join(dir, name, 'url.txt');
  const url = existsSync(urlFile) ? readFileSync(urlFile, 'utf8').trim() : undefined;
  const source = extract(parseHtml(decodeHtml(new Uint8Array(readFileSync(input)))), url);
  writeFileSync(join(dir, name, 'source.json'), JSON.stringify(source, null, 2) + '\n');
  console.log(`wrote ${name}/source.json (${source.template}, ${source.pageType ?? '-'}, ${source.blocks.length} blocks, ${source.links?.length ?? 0} links)`);
}
