import type { Neighbourhood } from '../graph-model.js';

/** The neighbourhood as pretty JSON: the graph model itself, nodes and edges in stable order. */
export function toJson(graph: Neighbourhood): string {
  const nodes = [...graph.nodes].sort((a, b) => a.key.localeCompare(b.key));
  const edges = [...graph.edges].sort(
    (a, b) =>
      a.from.localeCompare(b.from) || a.to.localeCompare(b.to) || a.label.localeCompare(b.label),
  );
  return `${JSON.stringify({ ...graph, nodes, edges }, null, 2)}\n`;
}
