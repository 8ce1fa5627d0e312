import { resourceTypeSpec } from '../../../src/graph/resource-types.js';
import { TypeIcon } from './type-icon.js';

/** A resource type's icon and label. */
export function TypeBadge({ type }: { type: string }) {
  return (
    <span className="type-badge">
      <TypeIcon type={type} />
      <span className="type-label">{resourceTypeSpec(type).label}</span>
    </span>
  );
}
