#!/usr/bin/env node
// A focused test (.only) silently skips the rest of the suite: refuse it anywhere in test/ or src/.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const focused = /\b(?:it|test|describe)\.only\s*\(/;
const hits = [];

function walk(folder) {
  for (const entry of readdirSync(folder)) {
    const full = path.join(folder, entry);
    if (statSync(full).isDirectory()) walk(full);
    else if (/\.(ts|tsx|mjs|js)$/.test(entry)) {
      readFileSync(full, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          if (focused.test(line))
            hits.push(`${path.relative(root, full)}:${index + 1}: ${line.trim()}`);
        });
    }
  }
}

for (const folder of ['test', 'src']) walk(path.join(root, folder));
if (hits.length > 0) {
  process.stderr.write(`focused tests found:\n${hits.join('\n')}\n`);
  process.exit(1);
}
