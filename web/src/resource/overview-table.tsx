import type { ResourceDetail } from '../../../src/graph/graph-model.js';
import { ValueCell } from './value-cell.js';

/** Columns shown elsewhere on the page, or bookkeeping a responder does not need here. */
const hiddenColumns = new Set([
  'tags',
  'tags_src',
  '_ctx',
  'ip_permissions',
  'ip_permissions_egress',
]);

/** The resource's key facts, then every column of its Steampipe row. */
export function OverviewTable({ detail }: { detail: ResourceDetail }) {
  const { node, row } = detail;
  const facts: [string, unknown][] = [
    ['key', node.key],
    ['id', node.id],
    ...Object.entries(node.properties),
  ];
  const columns =
    row === null ? [] : Object.entries(row).filter(([name]) => !hiddenColumns.has(name));
  return (
    <section aria-label="Overview">
      <h2>Overview</h2>
      <table className="facts">
        <tbody>
          {facts.map(([name, value]) => (
            <tr key={`fact-${name}`}>
              <th scope="row">{name}</th>
              <td>
                <ValueCell value={value} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {row === null ? (
        <p className="muted">No row: this resource was not collected.</p>
      ) : (
        <details className="all-columns">
          <summary>All {columns.length} columns of its table</summary>
          <table className="facts">
            <tbody>
              {columns.map(([name, value]) => (
                <tr key={name}>
                  <th scope="row" className="mono">
                    {name}
                  </th>
                  <td>
                    <ValueCell value={value} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </section>
  );
}
