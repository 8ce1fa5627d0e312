import type { ResourceNode } from '../../../src/graph/graph-model.js';
import { SafeText } from '../format/safe-text.js';
import { AccountLabel } from './account-label.js';
import { TypeBadge } from './type-badge.js';

/** The page title: type, name, id, account and region, and whether it was collected. */
export function ResourceHeading({ node }: { node: ResourceNode }) {
  return (
    <header className="resource-heading">
      <TypeBadge type={node.type} />
      <h1 className="resource-name">
        <SafeText text={node.name} limit={200} />
      </h1>
      <p className="resource-place">
        {node.name !== node.id && <SafeText text={node.id} limit={120} className="mono" />}
        <AccountLabel accountId={node.accountId} />
        {node.region !== null && <span className="region">{node.region}</span>}
        {!node.collected && <span className="badge-warning">not collected</span>}
      </p>
    </header>
  );
}
