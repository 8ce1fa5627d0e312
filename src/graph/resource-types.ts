/**
 * Every resource type of the graph, declared once: how it looks (label, icon, colour), how its
 * nodes are read from the Steampipe-named public views (key, id, name, hover properties), and
 * how it behaves in a crowded graph (fold) and in traversal. The web UI imports this file, so it
 * holds no Node imports: the read expressions are SQL text over the row alias `r`.
 */
import type { ResourceType } from './graph-model.js';
import { identityResourceTypes } from './identity-resource-types.js';
import { networkResourceTypes } from './network-resource-types.js';
import type { ResourceTypeSpec } from './resource-type-spec.js';

export type { FoldRule, ResourceSource, ResourceTypeSpec } from './resource-type-spec.js';

export const resourceTypes: readonly ResourceTypeSpec[] = [
  ...networkResourceTypes,
  ...identityResourceTypes,
];

const byType = new Map(resourceTypes.map((spec) => [spec.type, spec]));

/** The spec of a type; an unknown type (from a newer store) gets a neutral look. */
export function resourceTypeSpec(resourceType: ResourceType): ResourceTypeSpec {
  return (
    byType.get(resourceType) ?? {
      type: resourceType,
      label: resourceType,
      icon: 'resource',
      glyph: '?',
      colour: '#5a6b86',
      sources: [],
      fold: { above: 6 },
      traverse: 'expand',
    }
  );
}
