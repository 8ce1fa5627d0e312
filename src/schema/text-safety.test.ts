import { describe, expect, it } from 'vitest';
import { hasUnstorableText, losslessJsonText, storableJson, storableText } from './text-safety.js';

describe('text that Postgres cannot store', () => {
  it('finds NUL characters and lone surrogates but not surrogate pairs', () => {
    expect(hasUnstorableText('a\u0000b')).toBe(true);
    expect(hasUnstorableText('x\uD800')).toBe(true);
    expect(hasUnstorableText('\uDC00x')).toBe(true);
    expect(hasUnstorableText('emoji \u{1F600} and \u202Eright-to-left')).toBe(false);
  });

  it('replaces them and keeps the original recoverable from JSON text', () => {
    const original = { 'k\u0000ey': ['v\uD83Dx', 'ok'], n: 1 };
    const { value, changed } = storableJson(original);
    expect(changed).toBe(true);
    expect(value).toEqual({ 'k\uFFFDey': ['v\uFFFDx', 'ok'], n: 1 });
    const text = losslessJsonText(original);
    expect(hasUnstorableText(text)).toBe(false);
    expect(JSON.parse(text)).toEqual(original);
    expect(storableText('a\u0000')).toBe('a\uFFFD');
  });

  it('leaves storable values untouched', () => {
    const value = { a: ['b', { c: 'd' }] };
    expect(storableJson(value)).toEqual({ value, changed: false });
    expect(storableJson(value).value).toBe(value);
  });
});
