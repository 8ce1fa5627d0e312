/**
 * Names and tags are attacker-chosen. React renders them as text, so markup cannot run, but
 * bidirectional controls (U+202E and friends) can still reorder what a responder reads, and
 * invisible characters can make two names look alike. They are shown as visible marks.
 */
const invisibleCharacters = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g;

function mark(character: string): string {
  return `\u27E8U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}\u27E9`;
}

/** The text with bidirectional controls and zero-width characters replaced by visible marks. */
export function displayText(text: string): string {
  return text.replace(invisibleCharacters, mark);
}

/** The display text, cut to `limit` characters with an ellipsis. */
export function shortText(text: string, limit: number): string {
  const shown = displayText(text);
  return shown.length <= limit ? shown : `${shown.slice(0, limit - 1)}\u2026`;
}

/** Any value as one line of text: strings as they are, the rest as JSON. */
export function valueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return displayText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return displayText(JSON.stringify(value));
}
