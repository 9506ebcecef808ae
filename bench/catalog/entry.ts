/**
 * One measurement for load.ts, bundled with ncc as the actions are and run in a fresh
 * Node process: `node index.js <catalog file> catalog|yaml-package|json` prints the milliseconds
 * the first read of the file's text took (the file is read before timing starts).
 */
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { parseCatalog } from '../../src/catalog/index.js';

const [, , file = '', reader = 'catalog'] = process.argv;
const text = readFileSync(file, 'utf8');
const json = reader === 'json' ? readFileSync(`${file}.json`, 'utf8') : '';
const start = performance.now();
if (reader === 'catalog') parseCatalog(text, '.github/services.yml');
else if (reader === 'yaml-package') parseDocument(text);
else JSON.parse(json);
process.stdout.write(String(performance.now() - start));
