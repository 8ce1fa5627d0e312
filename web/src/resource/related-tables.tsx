import type { RelatedResource } from '../../../src/graph/graph-model.js';
import { SafeText } from '../format/safe-text.js';
import { Link } from '../router/link.js';
import { resourcePath } from '../router/routes.js';
import { AccountLabel } from './account-label.js';
import { TypeBadge } from './type-badge.js';

interface RelatedGroup {
  title: string;
  related: RelatedResource[];
}

function groupRelated(related: readonly RelatedResource[]): RelatedGroup[] {
  const groups = new Map<string, RelatedResource[]>();
  for (const item of related) {
    const title = item.direction === 'out' ? `${item.edge.label} →` : `← ${item.edge.label}`;
    const group = groups.get(title) ?? [];
    group.push(item);
    groups.set(title, group);
  }
  return [...groups]
    .map(([title, items]) => ({
      title,
      related: items.sort((a, b) => a.node.name.localeCompare(b.node.name)),
    }))
    .sort((a, b) => a.title.localeCompare(b.title));
}

/** The resource's direct relationships, one table per relationship label and direction. */
export function RelatedTables({ related }: { related: readonly RelatedResource[] }) {
  const groups = groupRelated(related);
  return (
    <section aria-label="Related resources">
      <h2>Related resources</h2>
      {groups.length === 0 && <p className="muted">No relationships recorded.</p>}
      {groups.map((group) => (
        <div key={group.title} className="related-group">
          <h3>
            <bdi>{group.title}</bdi> <span className="count">{group.related.length}</span>
          </h3>
          <table className="list">
            <thead>
              <tr>
                <th>Type</th>
                <th>Name</th>
                <th>Id</th>
                <th>Account</th>
                <th>Region</th>
              </tr>
            </thead>
            <tbody>
              {group.related.map((item) => (
                <tr key={`${item.direction}-${item.node.key}`}>
                  <td>
                    <TypeBadge type={item.node.type} />
                  </td>
                  <td>
                    <Link to={resourcePath(item.node.key)}>
                      <SafeText text={item.node.name} limit={80} />
                    </Link>
                    {!item.node.collected && <span className="badge-muted">not collected</span>}
                  </td>
                  <td className="mono">
                    <SafeText text={item.node.id} limit={60} />
                  </td>
                  <td>
                    <AccountLabel accountId={item.node.accountId} />
                  </td>
                  <td>{item.node.region ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
