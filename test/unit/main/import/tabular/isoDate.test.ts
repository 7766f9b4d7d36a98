/**
 * ISO dates to SPSS seconds, checked against the .sav reader's own conversion back to ISO (an
 * independent implementation built on Date) and against Date.parse.
 */
import { describe, expect, it } from 'vitest';
import { spssSecondsToIso } from '../../../../../src/main/import/sav/savReader';
import {
  epochMsToIso,
  epochMsToSpssSeconds,
  isoDateToSpssSeconds,
  spssSecondsToEpochMs,
} from '../../../../../src/main/import/tabular/isoDate';

const SPSS_EPOCH_MS = Date.UTC(1582, 9, 14);

describe('isoDateToSpssSeconds', () => {
  it('puts the SPSS epoch at 0', () => {
    expect(isoDateToSpssSeconds('1582-10-14')).toBe(0);
  });

  it.each([
    '1900-02-28',
    '2000-02-29',
    '2024-12-31T23:59:59',
    '1970-01-01 00:00',
    '2016-04-28T11:30:00.250',
    '2016-04-28T11:30:00Z',
    '1600-03-01',
  ])('%s agrees with Date.parse and with spssSecondsToIso', (iso) => {
    const seconds = isoDateToSpssSeconds(iso)!;
    const normalized = iso.replace(' ', 'T').replace(/Z$/, '');
    const withTime = normalized.includes('T') ? normalized : `${normalized}T00:00:00`;
    expect(seconds).toBe(
      (Date.parse(`${withTime.length === 16 ? `${withTime}:00` : withTime}Z`) - SPSS_EPOCH_MS) /
        1000,
    );
    expect(spssSecondsToIso(seconds)).toBe(
      (withTime.length === 16 ? `${withTime}:00` : withTime).replace(/\.250$/, '.250'),
    );
  });

  it.each([
    '2023-02-29',
    '2024-13-01',
    '2024-00-10',
    '2024-04-31',
    '2024-01-01T24:00',
    '2024-01-01T12:60',
    '24-01-01',
    '2024-1-1',
    '2024-01-01T12',
    '2024-01-01T12:00:00+02:00',
    '01/02/2024',
    ' 2024-01-01',
    '',
  ])('%j is not an ISO date', (text) => {
    expect(isoDateToSpssSeconds(text)).toBeNull();
  });
});

describe('conversions for Excel dates', () => {
  it('maps JavaScript times to SPSS seconds and back', () => {
    const ms = Date.UTC(2016, 3, 28, 11, 30);
    expect(epochMsToSpssSeconds(ms)).toBe(isoDateToSpssSeconds('2016-04-28T11:30'));
    expect(spssSecondsToEpochMs(epochMsToSpssSeconds(ms))).toBe(ms);
  });

  it('writes midnight as a date, other times with seconds, milliseconds only when there are some', () => {
    expect(epochMsToIso(Date.UTC(2000, 0, 1))).toBe('2000-01-01');
    expect(epochMsToIso(Date.UTC(1900, 0, 1))).toBe('1900-01-01');
    expect(epochMsToIso(Date.UTC(2000, 0, 1, 9, 5))).toBe('2000-01-01T09:05:00');
    expect(epochMsToIso(Date.UTC(2000, 0, 1, 9, 5, 0, 120))).toBe('2000-01-01T09:05:00.120');
  });
});
