import type { Neighbourhood, RelationshipEdge, ResourceNode } from '../graph-model.js';
import { resourceTypeSpec } from '../resource-types.js';

export interface FoldOptions {
  /** Overrides every type's fold threshold (its `fold.above`), e.g. for a small screen. */
  above?: number;
  /** Keys never folded away (the root always stays), e.g. nodes the user expanded. */
  keep?: ReadonlySet<string>;
}

/** The key of the counted node standing for an anchor's folded neighbours. */
export function foldKey(anchor: string, label: string, direction: 'out' | 'in', type: string) {
  return `fold:${direction}:${label}:${type}:${anchor}`;
}

/**
 * Folds crowded same-type neighbours into one counted node: where a node has more neighbours of
 * one type over one label (and direction) than the type's fold rule allows, and those neighbours
 * have no other edge, they become a single node (name "12 EC2 instances") whose foldedMembers
 * lists their keys. Neighbours with other edges stay: folding them would hide a path.
 */
export function foldCrowded(graph: Neighbourhood, options: FoldOptions = {}): Neighbourhood {
  const nodes = new Map(graph.nodes.map((node) => [node.key, node]));
  const degree = new Map<string, number>();
  for (const edge of graph.edges) {
    degree.set(edge.from, (degree.get(edge.from) ?? 0) + 1);
    degree.set(edge.to, (degree.get(edge.to) ?? 0) + 1);
  }
  const groups = new Map<string, { anchor: string; edge: RelationshipEdge; members: string[] }>();
  for (const edge of graph.edges) {
    for (const direction of ['out', 'in'] as const) {
      const anchor = direction === 'out' ? edge.from : edge.to;
      const member = direction === 'out' ? edge.to : edge.from;
      const node = nodes.get(member);
      if (node === undefined || member === graph.root || options.keep?.has(member)) continue;
      if ((degree.get(member) ?? 0) !== 1) continue;
      const id = foldKey(anchor, edge.label, direction, node.type);
      const group = groups.get(id) ?? { anchor, edge, members: [] };
      group.members.push(member);
      groups.set(id, group);
    }
  }
  const folded = new Set<string>();
  const foldNodes: ResourceNode[] = [];
  const foldEdges: RelationshipEdge[] = [];
  for (const [id, group] of groups) {
    const sample = nodes.get(group.members[0] ?? '');
    if (sample === undefined) continue;
    const spec = resourceTypeSpec(sample.type);
    const above = options.above ?? spec.fold?.above;
    if (above === undefined || group.members.length <= above) continue;
    for (const member of group.members) folded.add(member);
    const collected = group.members.every((member) => nodes.get(member)?.collected === true);
    foldNodes.push({
      key: id,
      type: sample.type,
      id,
      name: `${group.members.length} × ${spec.label}`,
      accountId: sample.accountId,
      region: sample.region,
      collected,
      properties: { count: group.members.length },
      foldedMembers: [...group.members],
    });
    const outward = group.edge.from === group.anchor;
    foldEdges.push({
      from: outward ? group.anchor : id,
      to: outward ? id : group.anchor,
      label: group.edge.label,
    });
  }
  return {
    ...graph,
    nodes: [...graph.nodes.filter((node) => !folded.has(node.key)), ...foldNodes],
    edges: [
      ...graph.edges.filter((edge) => !folded.has(edge.from) && !folded.has(edge.to)),
      ...foldEdges,
    ],
  };
}
