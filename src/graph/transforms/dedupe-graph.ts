import type { Neighbourhood } from '../graph-model.js';

/**
 * One node per key and one edge per (from, to, label); edges whose ends are not nodes of the
 * graph are dropped. The first occurrence of a node wins.
 */
export function dedupeGraph(graph: Neighbourhood): Neighbourhood {
  const nodes = new Map(graph.nodes.map((node) => [node.key, node] as const).reverse());
  const edges = new Map<string, Neighbourhood['edges'][number]>();
  for (const edge of graph.edges) {
    if (!nodes.has(edge.from) || !nodes.has(edge.to)) continue;
    const id = JSON.stringify([edge.from, edge.to, edge.label]);
    if (!edges.has(id)) edges.set(id, edge);
  }
  const ordered = [...new Set(graph.nodes.map((node) => node.key))].map((key) => nodes.get(key));
  return {
    ...graph,
    nodes: ordered.filter((node) => node !== undefined),
    edges: [...edges.values()],
  };
}
