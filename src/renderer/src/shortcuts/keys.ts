/**
 * Key combinations written as text ("Alt+1", "Mod+Shift+C", "F1", "?", "Escape"): parsed once,
 * matched against keydown events, and shown the way the platform writes them. "Mod" is Ctrl,
 * or ⌘ on a Mac. Letters and digits match by physical key (event.code), so a shortcut still works
 * while a Korean input method is on.
 */

export interface KeyCombo {
  mod: boolean;
  ctrl: boolean;
  alt: boolean;
  shift: boolean;
  /** "1", "C", "F1", "Escape", "?" */
  key: string;
}

const MODIFIERS = new Set(['Mod', 'Ctrl', 'Alt', 'Shift']);

export function parseKeys(keys: string): KeyCombo {
  const parts = keys === '+' ? ['+'] : keys.split('+');
  const key = parts[parts.length - 1];
  const modifiers = parts.slice(0, -1);
  const unknown = modifiers.filter((part) => !MODIFIERS.has(part));
  if (!key || unknown.length > 0)
    throw new Error(`shortcut "${keys}": expected modifiers Mod, Ctrl, Alt, Shift then one key`);
  return {
    mod: modifiers.includes('Mod'),
    ctrl: modifiers.includes('Ctrl'),
    alt: modifiers.includes('Alt'),
    shift: modifiers.includes('Shift'),
    key,
  };
}

export function isMac(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
}

type KeyEventFields = Pick<
  KeyboardEvent,
  'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'
>;

function keyOf(event: KeyEventFields): string {
  if (/^Key[A-Z]$/.test(event.code)) return event.code.slice(3);
  if (/^Digit[0-9]$/.test(event.code)) return event.code.slice(5);
  return event.key.length === 1 ? event.key.toUpperCase() : event.key;
}

/** Punctuation such as "?" needs Shift on many layouts, so Shift is not compared for it. */
function isPunctuation(key: string): boolean {
  return key.length === 1 && !/[A-Z0-9]/i.test(key);
}

export function matches(combo: KeyCombo, event: KeyEventFields, mac = isMac()): boolean {
  const wantCtrl = combo.ctrl || (combo.mod && !mac);
  const wantMeta = combo.mod && mac;
  if (event.ctrlKey !== wantCtrl || event.metaKey !== wantMeta || event.altKey !== combo.alt)
    return false;
  if (isPunctuation(combo.key)) return event.key === combo.key;
  const key = combo.key.length === 1 ? combo.key.toUpperCase() : combo.key;
  return event.shiftKey === combo.shift && keyOf(event) === key;
}

/** Named keys as keyboards print them. */
const KEY_NAMES: Readonly<Record<string, string>> = {
  Escape: 'Esc',
  ArrowUp: '↑',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowRight: '→',
  Delete: 'Del',
};

/** "Mod+Shift+C" → "Ctrl+Shift+C", or "⌘⇧C" on a Mac. */
export function displayKeys(keys: string, mac = isMac()): string {
  const combo = parseKeys(keys);
  const key = KEY_NAMES[combo.key] ?? combo.key;
  if (mac) {
    return `${combo.ctrl ? '⌃' : ''}${combo.alt ? '⌥' : ''}${combo.shift ? '⇧' : ''}${combo.mod ? '⌘' : ''}${key}`;
  }
  return [
    combo.ctrl || combo.mod ? 'Ctrl' : '',
    combo.alt ? 'Alt' : '',
    combo.shift ? 'Shift' : '',
    key,
  ]
    .filter(Boolean)
    .join('+');
}

/**
 * Whether a combination can fire while the user types in a field without stealing a character.
 * Alt is not enough: on a Mac, Option+letter types a character (Option+W is ∑).
 */
export function safeWhileTyping(combo: KeyCombo): boolean {
  return combo.mod || combo.ctrl || /^F\d{1,2}$/.test(combo.key);
}
