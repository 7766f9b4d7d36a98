#!/usr/bin/env node
// `npm run web|cli|bench`: make sure out/ is built (quietly), then run the built entry in this
// same process so signals and the exit code are the entry's own.
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { ensureBuilt } from './ensure-built.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entries = { web: 'web.js', cli: 'cli.js', bench: 'cli.js' };
const [which, ...rest] = process.argv.slice(2);
if (!which || !(which in entries)) {
  process.stderr.write(`usage: run-built.mjs ${Object.keys(entries).join('|')} [args]\n`);
  process.exit(2);
}
ensureBuilt();
const entry = path.join(root, 'out', 'main', entries[which]);
process.argv = [process.argv[0], entry, ...(which === 'bench' ? ['bench', ...rest] : rest)];
createRequire(import.meta.url)(entry);
