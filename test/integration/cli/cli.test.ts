import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtCliPath, tempFolder } from '../../support/studyDb';
import { LATEST_SCHEMA_VERSION } from '../../../src/main/study/migrations/index';

function cli(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [builtCliPath, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CEW_HOME: path.join(cwd, 'home') },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the command line', () => {
  let folder: string;
  let cleanup: () => void;
  beforeEach(() => ({ folder, cleanup } = tempFolder()));
  afterEach(() => cleanup());

  it('lists its commands with --help', () => {
    const { code, stdout } = cli(['--help'], folder);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\s+new STUDY\.cew/m);
    expect(stdout).toMatch(/^\s+describe STUDY\.cew/m);
  });

  it('creates a study and prints exactly one JSON document with --json', () => {
    const { code, stdout, stderr } = cli(
      ['new', 'wave1.cew', '--name', 'Wave 1', '--json'],
      folder,
    );
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(JSON.parse(stdout)).toMatchObject({
      name: 'Wave 1',
      schemaVersion: LATEST_SCHEMA_VERSION,
      path: path.join(folder, 'wave1.cew'),
    });
  });

  it('describes a study: metadata, schema version, sources, variables', () => {
    cli(['new', 'wave1.cew'], folder);
    const { code, stdout } = cli(['describe', 'wave1.cew', '--json'], folder);
    expect(code).toBe(0);
    const description = JSON.parse(stdout);
    expect(description.study).toMatchObject({
      name: 'wave1',
      schemaVersion: LATEST_SCHEMA_VERSION,
    });
    expect(description).toMatchObject({ sources: [], variables: [], respondents: 0 });
  });

  it('fails with a message naming the file, on stderr, with a non-zero exit', () => {
    const { code, stdout, stderr } = cli(['describe', 'missing.cew', '--json'], folder);
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain(path.join(folder, 'missing.cew'));
  });

  it('refuses an unknown command with usage help', () => {
    const { code, stderr } = cli(['frobnicate'], folder);
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown command "frobnicate"/);
  });

  it('will not overwrite an existing study with new', () => {
    cli(['new', 'a.cew'], folder);
    const { code, stderr } = cli(['new', 'a.cew'], folder);
    expect(code).toBe(1);
    expect(stderr).toMatch(/already exists/);
  });
});
