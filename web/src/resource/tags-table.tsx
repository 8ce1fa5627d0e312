import { ValueCell } from './value-cell.js';
import { SafeText } from '../format/safe-text.js';

function tagsOf(row: Record<string, unknown> | null): [string, unknown][] | null {
  const tags = row?.['tags'];
  if (tags === null || tags === undefined || typeof tags !== 'object' || Array.isArray(tags)) {
    return null;
  }
  return Object.entries(tags as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
}

/** The resource's tags, or why there are none to show. */
export function TagsTable({ row }: { row: Record<string, unknown> | null }) {
  const tags = tagsOf(row);
  return (
    <section aria-label="Tags">
      <h2>Tags</h2>
      {row === null && <p className="muted">Not collected.</p>}
      {row !== null && tags === null && <p className="muted">No tags recorded.</p>}
      {tags !== null && tags.length === 0 && <p className="muted">No tags.</p>}
      {tags !== null && tags.length > 0 && (
        <table className="facts">
          <tbody>
            {tags.map(([name, value]) => (
              <tr key={name}>
                <th scope="row">
                  <SafeText text={name} limit={128} />
                </th>
                <td>
                  <ValueCell value={value} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
