// Tests of the shortcut table: lookups, Shift variants, modifier keys left to the browser, help rows, no clashes.
import { describe, expect, it } from 'vitest';
import { actionForKey, helpRows, KEY_BINDINGS } from './key-bindings.js';

describe('key bindings', () => {
  it('maps keys to actions, letters case-insensitively', () => {
    expect(actionForKey({ key: ' ' })).toBe('togglePlay');
    expect(actionForKey({ key: 'ArrowRight' })).toBe('stepForward');
    expect(actionForKey({ key: 'L' })).toBe('toggleLoop');
    expect(actionForKey({ key: 'q' })).toBeUndefined();
  });

  it('prefers the Shift binding and refuses Shift on named keys without one', () => {
    expect(actionForKey({ key: 'ArrowLeft', shiftKey: true })).toBe('jumpBack');
    expect(actionForKey({ key: 'Home', shiftKey: true })).toBeUndefined();
    // "?" is typed with Shift on most layouts and still opens the help.
    expect(actionForKey({ key: '?', shiftKey: true })).toBe('toggleHelp');
  });

  it('leaves Ctrl, Meta and Alt combinations to the browser', () => {
    expect(actionForKey({ key: 'r', ctrlKey: true })).toBeUndefined();
    expect(actionForKey({ key: 'p', metaKey: true })).toBeUndefined();
    expect(actionForKey({ key: 'p', altKey: true })).toBeUndefined();
  });

  it('binds every key (with its Shift state) to one action only', () => {
    const seen = new Map<string, string>();
    for (const binding of KEY_BINDINGS) {
      for (const key of binding.keys) {
        const id = `${binding.shift ? 'shift+' : ''}${key}`;
        expect(seen.get(id), `${id} bound twice`).toBeUndefined();
        seen.set(id, binding.action);
      }
    }
  });

  it('lists readable key names for the help overlay', () => {
    const rows = helpRows();
    expect(rows[0]).toEqual({ keys: 'Space / k', description: 'play / pause' });
    expect(rows.find((row) => row.description === 'back 10 frames')?.keys).toBe('Shift+←');
    expect(rows).toHaveLength(KEY_BINDINGS.length);
  });
});
