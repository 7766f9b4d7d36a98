/**
 * Formatting shared by every screen, so a value reads the same everywhere: dates and whole
 * numbers in the UI language (Intl), remade when the language changes.
 */
import { uiLanguage } from './i18n';

let formatters:
  { locale: string; dateTime: Intl.DateTimeFormat; integer: Intl.NumberFormat } | undefined;

function current(): NonNullable<typeof formatters> {
  const locale = uiLanguage();
  if (formatters?.locale !== locale) {
    formatters = {
      locale,
      dateTime: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
      integer: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
    };
  }
  return formatters;
}

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : current().dateTime.format(date);
}

export function formatInteger(value: number): string {
  return current().integer.format(value);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** A label where markup cannot go (an <option>): a fallback carries its language, "Alter · de". */
export function formatLabel(text: string, fallbackLanguage?: string | null): string {
  return fallbackLanguage ? `${text} · ${fallbackLanguage}` : text;
}
