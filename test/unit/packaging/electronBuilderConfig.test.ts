/**
 * The packaging settings that carry security or correctness: electron-builder.yml is read with
 * electron-builder's own loader (the YAML parser it uses) and checked against its own schema, so a
 * misspelt option fails here rather than being ignored, then the settings we rely on are asserted.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Configuration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');

function targetNames(
  platform: Configuration['win'] | Configuration['mac'] | Configuration['linux'],
) {
  const target = platform?.target;
  const list = Array.isArray(target) ? target : target ? [target] : [];
  return list.map((t) => (typeof t === 'string' ? t : t.target));
}

describe('electron-builder configuration', () => {
  let config: Configuration;

  beforeAll(async () => {
    config = await getConfig(repoRoot, null, null);
  });

  it('is valid for electron-builder', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app', () => {
    expect(config.appId).toBe('com.customerenergy.workbench');
    expect(config.productName).toBe('Customer Energy Workbench');
  });

  it('builds for Windows (nsis), macOS (dmg, hardened runtime) and Linux (AppImage, deb)', () => {
    expect(targetNames(config.win)).toEqual(['nsis']);
    expect(targetNames(config.mac)).toEqual(['dmg']);
    expect(config.mac?.hardenedRuntime).toBe(true);
    expect(targetNames(config.linux)).toEqual(['AppImage', 'deb']);
  });

  it('packs the built app into app.asar and nothing else from the project', () => {
    expect(config.asar).toBe(true);
    // The loader normalises `files` to [{ filter: [...] }]; read the patterns from either form.
    const entries = Array.isArray(config.files) ? config.files : config.files ? [config.files] : [];
    const patterns = entries.flatMap((entry) => {
      if (typeof entry === 'string') return [entry];
      const filter = entry.filter ?? [];
      return Array.isArray(filter) ? filter : [filter];
    });
    const includes = patterns.filter((pattern) => !pattern.startsWith('!'));
    expect(includes.sort()).toEqual(['out/**', 'package.json']);
  });

  it('associates .cew files with the app as their editor', () => {
    expect(config.fileAssociations).toEqual([
      expect.objectContaining({
        ext: 'cew',
        name: 'Customer Energy Study',
        role: 'Editor',
        mimeType: 'application/x-cew-study',
      }),
    ]);
  });

  it('sets the Electron fuses', () => {
    expect(config.electronFuses).toStrictEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('ships our Electron-ABI SQLite addon instead of rebuilding node_modules', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.extraResources).toEqual([
      {
        from: '.electron-native/better-sqlite3/build/Release/better_sqlite3.node',
        to: 'native/better_sqlite3.node',
      },
    ]);
  });

  it('puts the addon where the app and the build script look for it', () => {
    const main = readFileSync(path.join(repoRoot, 'src', 'main', 'electron', 'main.ts'), 'utf8');
    expect(main).toContain("path.join(process.resourcesPath, 'native', 'better_sqlite3.node')");
    expect(main.replace(/\s+/g, ' ')).toContain(
      "'.electron-native', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'",
    );
    const script = readFileSync(
      path.join(repoRoot, 'scripts', 'build-electron-native.mjs'),
      'utf8',
    );
    expect(script).toContain("path.join(root, '.electron-native', 'better-sqlite3')");
    expect(script).toContain("path.join(target, 'build', 'Release', 'better_sqlite3.node')");
  });
});
