import type { Neighbourhood, ResourceNode } from '../../../src/graph/graph-model.js';

/** A node as drawn: one resource, or several same-type neighbours folded into a counted one. */
export type DisplayNode =
  | { kind: 'resource'; key: string; node: ResourceNode }
  | {
      kind: 'fold';
      key: string;
      type: string;
      accountId: string | null;
      members: ResourceNode[];
    };

export interface DisplayEdge {
  from: string;
  to: string;
  label: string;
}

/** What the canvas draws: the neighbourhood after folding. */
export interface DisplayGraph {
  root: string;
  nodes: DisplayNode[];
  edges: DisplayEdge[];
  /** The same graph in the model's shape (folds as nodes with foldedMembers), for exports. */
  prepared: Neighbourhood;
}
