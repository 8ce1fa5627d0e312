import { valueText } from '../format/display-text.js';

const inlineLimit = 300;
const blockLimit = 20_000;

/** A column's value: short values inline, objects and long text in a folded block. */
export function ValueCell({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <span className="muted">null</span>;
  const isObject = typeof value === 'object';
  const text = isObject ? JSON.stringify(value, null, 2) : valueText(value);
  if (!isObject && text.length <= inlineLimit) return <bdi className="value">{text}</bdi>;
  const shown = text.length > blockLimit ? `${text.slice(0, blockLimit)}\n…` : text;
  const summary = isObject
    ? Array.isArray(value)
      ? `${value.length} items`
      : 'object'
    : 'long text';
  return (
    <details className="value-block">
      <summary>
        {summary} ({text.length.toLocaleString()} characters)
      </summary>
      <pre>{valueText(shown)}</pre>
    </details>
  );
}
