#!/usr/bin/env node
// `npm run build:electron-native`: builds the better-sqlite3 addon for Electron's ABI into
// .electron-native/better-sqlite3, leaving node_modules (Node's ABI, used by the CLI, browser mode
// and the tests) untouched. The desktop app loads it from there in development, and
// electron-builder copies it to resources/native when packaging. It needs the Electron headers
// from electronjs.org and a C++ toolchain, so it is run by hand, never from postinstall.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = path.join(root, 'node_modules', 'better-sqlite3');
const target = path.join(root, '.electron-native', 'better-sqlite3');
const addon = path.join(target, 'build', 'Release', 'better_sqlite3.node');
const nodeGyp = path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
const distUrl = 'https://electronjs.org/headers';

function fail(message) {
  process.stderr.write(`build-electron-native: ${message}\n`);
  process.exit(1);
}

function readVersion(packageDir) {
  const file = path.join(packageDir, 'package.json');
  if (!existsSync(file)) fail(`${file} is missing — run \`npm install\` first.`);
  return JSON.parse(readFileSync(file, 'utf8')).version;
}

const electronVersion = readVersion(path.join(root, 'node_modules', 'electron'));
const sqliteVersion = readVersion(source);
if (!existsSync(nodeGyp))
  fail(`node-gyp is not installed at ${nodeGyp} — run \`npm install\` first.`);

// A fresh copy of the package sources, without node_modules' Node-ABI build folder.
rmSync(target, { recursive: true, force: true });
cpSync(source, target, {
  recursive: true,
  filter: (file) => path.relative(source, file).split(path.sep)[0] !== 'build',
});

process.stdout.write(
  `Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${process.platform}-${process.arch})…\n`,
);
const result = spawnSync(
  process.execPath,
  [
    nodeGyp,
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    `--arch=${process.arch}`,
    `--dist-url=${distUrl}`,
    '--runtime=electron',
    // Electron's headers get their own cache, apart from Node's in ~/.cache/node-gyp.
    `--devdir=${path.join(homedir(), '.electron-gyp')}`,
  ],
  { cwd: target, stdio: 'inherit' },
);

if (result.error) fail(`could not run node-gyp: ${result.error.message}`);
if (result.status !== 0 || !existsSync(addon)) {
  rmSync(target, { recursive: true, force: true });
  fail(
    [
      `node-gyp could not build the addon (exit ${result.status ?? result.signal}). The usual causes:`,
      `  - no network to ${distUrl}, where the Electron ${electronVersion} headers are downloaded;`,
      '  - no C++ toolchain or Python for node-gyp (see https://github.com/nodejs/node-gyp#installation).',
      'The desktop app cannot open studies without this addon; `npm run web` and the CLI do not need it.',
    ].join('\n'),
  );
}
process.stdout.write(`Built ${path.relative(root, addon)}\n`);
