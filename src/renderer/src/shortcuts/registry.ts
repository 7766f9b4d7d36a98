/**
 * The app's keyboard shortcuts: views register what they offer while they are shown, one
 * keydown listener runs the newest matching registration, and the Help panel lists them all.
 *
 * A view registers with the hook:
 *   useShortcut({ id: 'tables.copy', keys: 'Mod+Shift+C', group: t('help:groups.tables'),
 *                 description: t('tables:copyShortcut'), run: copyTable });
 * Keys are written as in ./keys.ts. Only Mod/Ctrl combinations and F-keys fire while focus is in
 * a text field, so typing "?" in a name never opens Help.
 *
 * Taken so far (pick others for a view): F1 and ? help, Esc dismiss / close, Alt+1…9 views,
 * Alt+Shift+D open demo, Alt+Shift+W close study, Mod+Shift+C copy table (Tables).
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { matches, parseKeys, safeWhileTyping, type KeyCombo } from './keys';

export interface Shortcut {
  /** Unique: a later registration with the same id replaces the earlier one. */
  id: string;
  keys: string;
  /** The heading it is listed under in Help (translated). */
  group: string;
  /** What it does, in the UI language. */
  description: string;
  run: () => void;
  /** Listed in Help but not run (e.g. a view's action that has nothing to act on yet). */
  disabled?: boolean;
}

interface Registration extends Shortcut {
  combo: KeyCombo;
}

let registrations: Registration[] = [];
const listeners = new Set<() => void>();
let listening = false;

function changed(): void {
  for (const listener of listeners) listener();
}

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color'].includes(
    target.type,
  );
}

function onKeyDown(event: KeyboardEvent): void {
  if (event.defaultPrevented || event.isComposing || event.repeat) return;
  const typing = isTextField(event.target);
  // Newest first: a panel opened on top (Help) wins over the view below it.
  for (const shortcut of [...registrations].reverse()) {
    if (shortcut.disabled || !matches(shortcut.combo, event)) continue;
    if (typing && !safeWhileTyping(shortcut.combo)) continue;
    event.preventDefault();
    shortcut.run();
    return;
  }
}

/** Adds a shortcut; returns the function that removes it. */
export function registerShortcut(shortcut: Shortcut): () => void {
  const registration: Registration = { ...shortcut, combo: parseKeys(shortcut.keys) };
  registrations = [...registrations.filter((r) => r.id !== shortcut.id), registration];
  if (!listening) {
    window.addEventListener('keydown', onKeyDown);
    listening = true;
  }
  changed();
  return () => {
    const before = registrations.length;
    registrations = registrations.filter((r) => r !== registration);
    if (registrations.length !== before) changed();
  };
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function snapshot(): readonly Shortcut[] {
  return registrations;
}

/** Every shortcut registered now, in registration order (for the Help panel). */
export function useRegisteredShortcuts(): readonly Shortcut[] {
  return useSyncExternalStore(subscribe, snapshot);
}

/**
 * Registers a shortcut while the calling component is shown. `run` may change every render;
 * the registration follows the latest one without re-registering.
 */
export function useShortcut(shortcut: Shortcut): void {
  const run = useRef(shortcut.run);
  useEffect(() => {
    run.current = shortcut.run;
  });
  const { id, keys, group, description, disabled } = shortcut;
  useEffect(
    () => registerShortcut({ id, keys, group, description, disabled, run: () => run.current() }),
    [id, keys, group, description, disabled],
  );
}
