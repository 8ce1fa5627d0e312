import type { Neighbourhood, ResourceNode } from '../../../src/graph/graph-model.js';
import { prepareGraph } from '../../../src/graph/transforms/graph-pipeline.js';
import type { DisplayGraph, DisplayNode } from './display-graph.js';

/**
 * The neighbourhood as drawn: crowded same-type neighbours folded (src/graph/transforms), except
 * the resources the user expanded by clicking their fold.
 */
export function displayGraph(
  neighbourhood: Neighbourhood,
  expandedMembers: ReadonlySet<string>,
): DisplayGraph {
  const byKey = new Map(neighbourhood.nodes.map((node) => [node.key, node]));
  const prepared = prepareGraph(neighbourhood, { fold: { keep: expandedMembers } });
  const nodes = prepared.nodes.map((node): DisplayNode => {
    if (node.foldedMembers === undefined) return { kind: 'resource', key: node.key, node };
    return {
      kind: 'fold',
      key: node.key,
      type: node.type,
      accountId: node.accountId,
      members: node.foldedMembers
        .map((member) => byKey.get(member))
        .filter((member): member is ResourceNode => member !== undefined),
    };
  });
  return {
    root: prepared.root,
    nodes,
    edges: prepared.edges.map((edge) => ({ ...edge })),
    prepared,
  };
}
