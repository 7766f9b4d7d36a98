/**
 * Dates in CSV text and Excel cells become SPSS date values (seconds since 1582-10-14 00:00, the
 * epoch of savReader's spssSecondsToIso), so a study imported from a spreadsheet exports to .sav
 * with real dates. Only ISO 8601 is read from text — YYYY-MM-DD, optionally followed by T or a
 * space and HH:MM, HH:MM:SS or HH:MM:SS.fff, optionally Z — because any other spelling
 * (03/04/2024) is ambiguous between countries. Times carry no zone: they are kept as written.
 */

const SECONDS_PER_DAY = 86_400;

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** 1582-10-14 in days since 1970-01-01. */
const SPSS_EPOCH_DAYS = daysFromCivil(1582, 10, 14);
const MS_PER_DAY = SECONDS_PER_DAY * 1000;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?Z?)?$/;

/** The SPSS date value of an ISO date or date-time, or null when the text is not one. */
export function isoDateToSpssSeconds(text: string): number | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  const hours = match[4] === undefined ? 0 : Number(match[4]);
  const minutes = match[5] === undefined ? 0 : Number(match[5]);
  const seconds = match[6] === undefined ? 0 : Number(match[6]);
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  const fraction = match[7] === undefined ? 0 : Number(match[7]);
  return (
    (daysFromCivil(year, month, day) - SPSS_EPOCH_DAYS) * SECONDS_PER_DAY +
    hours * 3600 +
    minutes * 60 +
    seconds +
    fraction
  );
}

/** The SPSS date value of a JavaScript time value (ms since 1970, read as a wall-clock time). */
export function epochMsToSpssSeconds(ms: number): number {
  return ms / 1000 - SPSS_EPOCH_DAYS * SECONDS_PER_DAY;
}

/** The JavaScript time value of an SPSS date value. */
export function spssSecondsToEpochMs(seconds: number): number {
  return Math.round((seconds + SPSS_EPOCH_DAYS * SECONDS_PER_DAY) * 1000);
}

/** ISO text for a JavaScript time value: the date alone at midnight, else date and time. */
export function epochMsToIso(ms: number): string {
  const iso = new Date(ms).toISOString();
  if (ms % MS_PER_DAY === 0) return iso.slice(0, 10);
  return iso.endsWith('.000Z') ? iso.slice(0, 19) : iso.slice(0, 23);
}
