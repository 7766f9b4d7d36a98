#!/usr/bin/env node
// `npm start`: the desktop app. Electron's binary is not fetched by `npm install`; where it is
// missing, say so in one line with the command that fetches it and the browser alternative.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBuilt } from './ensure-built.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.join(root, 'node_modules', 'electron');
const pathFile = path.join(electronDir, 'path.txt');
const binary = existsSync(pathFile)
  ? path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  : null;

if (!binary || !existsSync(binary)) {
  process.stderr.write(
    "Electron's binary is not installed: run `npx install-electron` to fetch it, or use `npm run web` to open the workbench in your browser.\n",
  );
  process.exit(1);
}

const nativeAddon = path.join(
  root,
  '.electron-native',
  'better-sqlite3',
  'build',
  'Release',
  'better_sqlite3.node',
);
if (!existsSync(nativeAddon)) {
  process.stderr.write(
    'The SQLite addon for Electron is not built yet: run `npm run build:electron-native` once (it needs the Electron headers), then `npm start` again.\n',
  );
  process.exit(1);
}

ensureBuilt();
const child = spawn(binary, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
