/**
 * COPY's text format: one line per row, fields separated by tabs, `\N` for null, and backslash
 * escapes for the characters that would otherwise end a field or a line.
 */

/** The marker of a null field. */
export const copyNull = '\\N';

const escapes: Record<string, string> = {
  '\\': '\\\\',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
};

const needsEscape = /[\\\t\n\r]/;

/** A field's text with backslash, tab, newline and carriage return escaped. */
export function escapeCopyField(text: string): string {
  if (!needsEscape.test(text)) return text;
  return text.replace(/[\\\t\n\r]/g, (character) => escapes[character] ?? character);
}

/** One line of COPY text from field texts (null for SQL null), with its newline. */
export function copyLine(fields: readonly (string | null)[]): string {
  return (
    fields.map((field) => (field === null ? copyNull : escapeCopyField(field))).join('\t') + '\n'
  );
}
