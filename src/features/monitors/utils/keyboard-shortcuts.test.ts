import { shortcutFor, type KeyPress } from './keyboard-shortcuts';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('shortcutFor', () => {
  it('maps the plain keys', () => {
    expect(['j', 'k', 'x', 'm', 'u', 'Enter', 'Escape'].map((k) => shortcutFor(press(k)))).toEqual([
      'next',
      'previous',
      'toggle',
      'mute',
      'unmute',
      'open',
      'escape',
    ]);
  });

  it('reads shift+x as a range and "?" as help, and ignores other shifted keys', () => {
    expect(shortcutFor(press('X', { shiftKey: true }))).toBe('range');
    expect(shortcutFor(press('?', { shiftKey: true }))).toBe('help');
    expect(shortcutFor(press('J', { shiftKey: true }))).toBeNull();
    expect(shortcutFor(press('M', { shiftKey: true }))).toBeNull();
  });

  it('never fires with ctrl, meta or alt held', () => {
    expect(shortcutFor(press('j', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press('m', { metaKey: true }))).toBeNull();
    expect(shortcutFor(press('u', { altKey: true }))).toBeNull();
    expect(shortcutFor(press('?', { ctrlKey: true, shiftKey: true }))).toBeNull();
  });

  it('ignores keys it does not know, and leaves "/" to the search box', () => {
    expect(shortcutFor(press('a'))).toBeNull();
    expect(shortcutFor(press('/'))).toBeNull();
    expect(shortcutFor(press('J'))).toBeNull();
  });
});
