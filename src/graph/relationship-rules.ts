/**
 * Every relationship rule of the graph, declared once. Each is one SQL select over the public
 * (Steampipe-named) views; see rule-builder.ts for the shape and derive-graph.ts for how they run.
 */
import type { RelationshipRule } from './rule-builder.js';
import { computeRules } from './rules/compute-rules.js';
import { identityRules } from './rules/identity-rules.js';
import { networkRules } from './rules/network-rules.js';

export type { RelationshipRule } from './rule-builder.js';
export { ownershipLabel, ownershipSelect } from './rules/identity-rules.js';

export const relationshipRules: readonly RelationshipRule[] = [
  ...computeRules,
  ...networkRules,
  ...identityRules,
];
