import type { Neighbourhood } from '../graph-model.js';

/** Hops from the root to each node, edges taken in either direction. */
export function distancesFromRoot(graph: Neighbourhood): Map<string, number> {
  const adjacent = new Map<string, string[]>();
  for (const edge of graph.edges) {
    adjacent.set(edge.from, [...(adjacent.get(edge.from) ?? []), edge.to]);
    adjacent.set(edge.to, [...(adjacent.get(edge.to) ?? []), edge.from]);
  }
  const distance = new Map<string, number>([[graph.root, 0]]);
  let frontier = [graph.root];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const key of frontier) {
      for (const neighbour of adjacent.get(key) ?? []) {
        if (distance.has(neighbour)) continue;
        distance.set(neighbour, (distance.get(key) ?? 0) + 1);
        next.push(neighbour);
      }
    }
    frontier = next;
  }
  return distance;
}

/** Keeps the nodes at most `maxDistance` hops from the root, and the edges between them. */
export function trimByDistance(graph: Neighbourhood, maxDistance: number): Neighbourhood {
  const distance = distancesFromRoot(graph);
  const keep = (key: string) => (distance.get(key) ?? Infinity) <= maxDistance;
  return {
    ...graph,
    depth: Math.min(graph.depth, maxDistance),
    nodes: graph.nodes.filter((node) => keep(node.key)),
    edges: graph.edges.filter((edge) => keep(edge.from) && keep(edge.to)),
  };
}
