import { describe, expect, it } from 'vitest';
import {
  displayKeys,
  matches,
  parseKeys,
  safeWhileTyping,
} from '../../../../src/renderer/src/shortcuts/keys';

type KeyEvent = Parameters<typeof matches>[1];

function press(key: string, code: string, modifiers: Partial<KeyEvent> = {}): KeyEvent {
  return {
    key,
    code,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    ...modifiers,
  };
}

describe('shortcut keys', () => {
  it('matches Alt+digit by the physical key, whatever character the layout types', () => {
    const combo = parseKeys('Alt+2');
    expect(matches(combo, press('2', 'Digit2', { altKey: true }), false)).toBe(true);
    expect(matches(combo, press('™', 'Digit2', { altKey: true }), true)).toBe(true);
    expect(matches(combo, press('2', 'Digit2'), false)).toBe(false);
    expect(matches(combo, press('2', 'Digit2', { altKey: true, ctrlKey: true }), false)).toBe(
      false,
    );
  });

  it('matches a letter while a Korean input method types Hangul', () => {
    const combo = parseKeys('Mod+Shift+C');
    expect(matches(combo, press('ㅊ', 'KeyC', { ctrlKey: true, shiftKey: true }), false)).toBe(
      true,
    );
    expect(matches(combo, press('C', 'KeyC', { metaKey: true, shiftKey: true }), true)).toBe(true);
    expect(matches(combo, press('C', 'KeyC', { ctrlKey: true, shiftKey: true }), true)).toBe(false);
  });

  it('matches named keys (Escape, F1) and punctuation typed with Shift (?)', () => {
    expect(matches(parseKeys('Escape'), press('Escape', 'Escape'), false)).toBe(true);
    expect(matches(parseKeys('F1'), press('F1', 'F1'), false)).toBe(true);
    expect(matches(parseKeys('?'), press('?', 'Slash', { shiftKey: true }), false)).toBe(true);
    expect(matches(parseKeys('?'), press('/', 'Slash'), false)).toBe(false);
  });

  it('lets only Ctrl/⌘ combinations and F-keys fire while typing in a field', () => {
    expect(safeWhileTyping(parseKeys('Mod+Shift+C'))).toBe(true);
    expect(safeWhileTyping(parseKeys('F1'))).toBe(true);
    expect(safeWhileTyping(parseKeys('?'))).toBe(false);
    expect(safeWhileTyping(parseKeys('Alt+W'))).toBe(false);
    expect(safeWhileTyping(parseKeys('Escape'))).toBe(false);
  });

  it('shows keys the way each platform writes them', () => {
    expect(displayKeys('Mod+Shift+C', false)).toBe('Ctrl+Shift+C');
    expect(displayKeys('Mod+Shift+C', true)).toBe('⇧⌘C');
    expect(displayKeys('Escape', false)).toBe('Esc');
    expect(displayKeys('Alt+ArrowUp', false)).toBe('Alt+↑');
    expect(displayKeys('Alt+ArrowUp', true)).toBe('⌥↑');
  });

  it('refuses a combination it cannot read, naming it', () => {
    expect(() => parseKeys('Hyper+K')).toThrow('shortcut "Hyper+K"');
  });
});
