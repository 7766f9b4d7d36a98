/**
 * Round trip with real files: each fixture is read with our reader, written with our writer,
 * and GNU PSPP must report the same dictionary, sets, documents, attributes, values and
 * frequencies for the copy as for the original. Only what a rewrite legitimately changes is
 * left out of the comparison: the product string and creation stamp, the encoding (we always
 * write UTF-8), the byte order (we always write little-endian) and the file's own path.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSav } from '../../../../../src/main/import/sav/savReader';
import { writeSav } from '../../../../../src/main/export/sav/savWriter';
import { describeWithFixtures, fixture } from '../../../../support/fixtures';
import { describeWithPspp, psppDump, type PsppDump } from '../../../../support/psppOracle';
import { SAV_ROUND_TRIP_CASES, type SavRoundTripCase } from '../../../../support/savRoundTripCases';

const FIXTURES = SAV_ROUND_TRIP_CASES;

/** File information rows a rewrite changes by design. */
const REWRITTEN_INFO = new Set([
  'File',
  'Created',
  'Product',
  'Encoding',
  'Integer Format',
  'Real Format',
]);

/** Problems PSPP reports about a system file name the file; those about commands do not. */
function commandProblems(dump: PsppDump, file: string): string[] {
  return dump.problems.filter((problem) => !problem.includes(file));
}

type Comparable = { info: string[][]; tables: Array<[string, string[][]]> };

/**
 * The parts of a dump a faithful copy must reproduce. Cells are compared without trailing
 * blanks: the reader drops the blanks some writers pad labels with.
 */
function comparable(dump: PsppDump, known: SavRoundTripCase['known']): Comparable {
  const cell = (text: string): string => {
    let out = text.replace(/\s+$/, '');
    if (known?.cell) out = known.cell(out);
    return known?.ignoreCase ? out.toLowerCase() : out;
  };
  const ignored = new Set(known?.ignoreColumns ?? []);
  const rows = (title: string, table: string[][]): string[][] => {
    if (title !== 'Variables' || ignored.size === 0) return table.map((row) => row.map(cell));
    const keep = (table[0] ?? []).map((name) => !ignored.has(name));
    return table.map((row) => row.filter((_, i) => keep[i] ?? true).map(cell));
  };
  return {
    info: [...dump.info]
      .filter(([key]) => !REWRITTEN_INFO.has(key))
      .map(([key, value]) => [key, cell(value)]),
    tables: dump.tables
      .filter((table) => table.title !== 'File Information')
      .map((table) => [cell(table.title), rows(table.title, table.rows)]),
  };
}

/** PSPP's complaints about one file, without the file name and byte offset. */
function fileProblems(dump: PsppDump, file: string): string[] {
  return dump.problems
    .filter((problem) => problem.includes(file))
    .map((problem) => problem.replace(/`[^']*'( near offset 0x[0-9a-f]+)?/, '<file>'));
}

describeWithPspp('writeSav round trip with real files', () => {
  describeWithFixtures('fixtures', () => {
    describe('writeSav round trip: readSav(fixture) → writeSav → PSPP sees the same file', () => {
      let workDir = '';
      beforeAll(async () => {
        workDir = await mkdtemp(path.join(os.tmpdir(), 'cew-savroundtrip-'));
      });
      afterAll(async () => {
        if (workDir) await rm(workDir, { recursive: true, force: true });
      });

      it.each(FIXTURES)('$file', async ({ file, known }) => {
        const original = fixture(file);
        const model = await readSav(original);
        const copy = path.join(workDir, path.basename(file));
        const warnings: string[] = [];
        await writeSav(copy, model, { onWarning: (w) => warnings.push(w) });
        expect(warnings).toEqual([]);

        const options = { data: true, frequencies: true };
        const [before, after] = await Promise.all([
          psppDump(original, options),
          psppDump(copy, options),
        ]);
        // The copy reads cleanly (short of what PSPP also says about the original, if known).
        const tolerated = fileProblems(after, copy).filter((p) => !known?.tolerate?.test(p));
        expect(tolerated).toEqual([]);
        if (known?.tolerate) {
          expect(fileProblems(before, original).some((p) => known.tolerate?.test(p))).toBe(true);
        }
        expect(commandProblems(after, copy)).toEqual(commandProblems(before, original));
        expect(comparable(after, known)).toEqual(comparable(before, known));
      });
    });
  });
});
