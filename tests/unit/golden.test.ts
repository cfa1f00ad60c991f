// Fixture-driven golden tests: one test walks tests/fixtures/pages/<name>/ (like Readability's
// test-pages). A folder holds an input and the expectations for it; adding a case is adding a folder.
//
//   input.txt | input.html   the page (HTML is read through lib/extract, as the CLI does)
//   url.txt                  optional: the URL the page was served at (template detection)
//   source.json              optional: expected SourcePage from lib/extract (HTML inputs)
//   clean.json               optional: expected CleanPage from lib/segment
//
// `UPDATE_GOLDEN=1 npm run test:unit -- golden` rewrites the expectations from the current code;
// review the diff before committing it: the JSON files are the specification.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPageFile } from '../../lib/cli-core';

const dir = join(__dirname, '..', 'fixtures', 'pages');
const update = process.env.UPDATE_GOLDEN === '1';
const cases = existsSync(dir) ? readdirSync(dir).filter((n) => !n.startsWith('.')).sort() : [];

function check(file: string, actual: unknown) {
  const json = JSON.stringify(actual, null, 2) + '\n';
  if (update || !existsSync(file)) {
    if (!update) throw new Error(`missing ${file}; run with UPDATE_GOLDEN=1 to create it`);
    writeFileSync(file, json);
    return;
  }
  expect(JSON.parse(json)).toEqual(JSON.parse(readFileSync(file, 'utf8')));
}

describe('golden pages', () => {
  it('has fixtures', () => expect(cases.length).toBeGreaterThan(0));
  for (const name of cases) {
    it(name, () => {
      const folder = join(dir, name);
      const input = ['input.html', 'input.htm', 'input.txt'].map((f) => join(folder, f)).find(existsSync);
      if (!input) throw new Error(`${name}: no input.html/input.txt`);
      const urlFile = join(folder, 'url.txt');
      const url = existsSync(urlFile) ? readFileSync(urlFile, 'utf8').trim() : undefined;
      const { source, clean } = readPageFile(input, { url });
      if (source && (existsSync(join(folder, 'source.json')) || update)) check(join(folder, 'source.json'), source);
      if (existsSync(join(folder, 'clean.json')) || update) check(join(folder, 'clean.json'), clean);
    });
  }
});
