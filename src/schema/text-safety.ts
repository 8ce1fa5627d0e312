/**
 * Postgres cannot store two things that AWS strings (attacker-chosen names, tags, policies) may
 * hold: the NUL character, in text or jsonb, and UTF-16 lone surrogates, which have no UTF-8 form.
 * Such characters are shown as U+FFFD in the stored value, and the exact original is kept as JSON
 * text (where both are plain `\u0000`-style escapes) in the row's `_ctx -> 'original'`.
 */

// A NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
// Matching the NUL control character is the point of this expression.
// eslint-disable-next-line no-control-regex
const unstorable = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const replacementCharacter = '\uFFFD';

export function hasUnstorableText(text: string): boolean {
  unstorable.lastIndex = 0;
  return unstorable.test(text);
}

/** The text with every unstorable character replaced by U+FFFD. */
export function storableText(text: string): string {
  return text.replace(unstorable, replacementCharacter);
}

// JSON.stringify writes a NUL as `\u0000` and a lone surrogate as a `\udXXX` escape (never raw),
// so JSON text without such an escape holds nothing unstorable. An escaped backslash before `u`
// also matches: that only costs the exact check.
const unstorableJsonEscape = /\\u(?:0000|d[89a-f])/;

/**
 * False when the JSON text (as JSON.stringify writes it) of a value proves the value storable as
 * it is; true when storableJson must check it.
 */
export function mayHoldUnstorableJson(jsonText: string): boolean {
  return unstorableJsonEscape.test(jsonText);
}

/**
 * A JSON value with every string (keys included) made storable, and whether anything changed.
 * Values that need no change are returned as they are, without copying.
 */
export function storableJson(value: unknown): { value: unknown; changed: boolean } {
  if (typeof value === 'string') {
    if (!hasUnstorableText(value)) return { value, changed: false };
    return { value: storableText(value), changed: true };
  }
  if (value === null || typeof value !== 'object') return { value, changed: false };
  if (Array.isArray(value)) {
    let changed = false;
    const items = value.map((item) => {
      const result = storableJson(item);
      changed ||= result.changed;
      return result.value;
    });
    return changed ? { value: items, changed } : { value, changed: false };
  }
  let changed = false;
  const entries = Object.entries(value as Record<string, unknown>).map(([key, item]) => {
    const storedKey = hasUnstorableText(key) ? storableText(key) : key;
    const result = storableJson(item);
    changed ||= result.changed || storedKey !== key;
    return [storedKey, result.value] as const;
  });
  return changed ? { value: Object.fromEntries(entries), changed } : { value, changed: false };
}

/**
 * The exact original of a value as JSON text that Postgres can store: JSON.stringify writes lone
 * surrogates as `\udXXX` escapes, and the NUL as `\u0000`, all plain ASCII.
 */
export function losslessJsonText(value: unknown): string {
  return JSON.stringify(value);
}
