import type { Neighbourhood } from '../graph-model.js';
import { ownershipLabel } from '../rules/identity-rules.js';

/**
 * Drops the account → resource "owns" edges that do not touch the root. Every node already shows
 * its account; drawn for every node, those edges bury the graph, and a resource tied to its
 * account by one could never fold with its neighbours. An account left with no edge goes too.
 */
export function dropOwnershipEdges(graph: Neighbourhood): Neighbourhood {
  const edges = graph.edges.filter(
    (edge) => edge.label !== ownershipLabel || edge.from === graph.root || edge.to === graph.root,
  );
  const linked = new Set<string>([graph.root]);
  for (const edge of edges) {
    linked.add(edge.from);
    linked.add(edge.to);
  }
  return { ...graph, nodes: graph.nodes.filter((node) => linked.has(node.key)), edges };
}
