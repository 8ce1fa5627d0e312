import { describe, expect, it } from 'vitest';
import type { Neighbourhood, ResourceNode } from '../graph-model.js';
import { dedupeGraph } from './dedupe-graph.js';
import { foldCrowded } from './fold-crowded.js';
import { prepareGraph } from './graph-pipeline.js';
import { trimByDistance } from './trim-by-distance.js';

function node(key: string, type: string): ResourceNode {
  return {
    key,
    type,
    id: key,
    name: key,
    accountId: '111122223333',
    region: 'us-east-1',
    collected: true,
    properties: {},
  };
}

/** A subnet with 12 instances, one of which also has a role, and a VPC beyond the subnet. */
function crowdedSubnet(): Neighbourhood {
  const instances = Array.from({ length: 12 }, (_, index) =>
    node(`i-${index}`, 'aws_ec2_instance'),
  );
  return {
    root: 'subnet-1',
    depth: 2,
    nodes: [
      node('subnet-1', 'aws_vpc_subnet'),
      node('vpc-1', 'aws_vpc'),
      node('role-1', 'aws_iam_role'),
      ...instances,
    ],
    edges: [
      { from: 'subnet-1', to: 'vpc-1', label: 'vpc' },
      ...instances.map((instance) => ({ from: instance.key, to: 'subnet-1', label: 'subnet' })),
      { from: 'i-0', to: 'role-1', label: 'assumes' },
    ],
  };
}

describe('graph transforms', () => {
  it('folds crowded same-type neighbours into one counted, expandable node', () => {
    const folded = foldCrowded(crowdedSubnet());
    const group = folded.nodes.find((n) => n.foldedMembers !== undefined);
    // i-0 has another edge (to its role): folding it would hide that path, so it stays.
    expect(group?.foldedMembers?.sort()).toEqual(
      Array.from({ length: 11 }, (_, index) => `i-${index + 1}`).sort(),
    );
    expect(group?.name).toBe('11 × EC2 instance');
    expect(folded.nodes.map((n) => n.key)).toContain('i-0');
    expect(folded.edges).toContainEqual({ from: group?.key, to: 'subnet-1', label: 'subnet' });
    expect(folded.edges.some((edge) => edge.from === 'i-5')).toBe(false);
  });

  it('does not fold below the threshold or what the user keeps', () => {
    expect(foldCrowded(crowdedSubnet(), { above: 20 }).nodes).toHaveLength(15);
    const keep = new Set(Array.from({ length: 12 }, (_, index) => `i-${index}`));
    expect(foldCrowded(crowdedSubnet(), { keep }).nodes).toHaveLength(15);
  });

  it('trims nodes by their distance from the root in either direction', () => {
    const trimmed = trimByDistance(crowdedSubnet(), 1);
    expect(trimmed.nodes.map((n) => n.key)).not.toContain('role-1');
    expect(trimmed.nodes.map((n) => n.key)).toContain('vpc-1');
    expect(trimmed.edges.every((e) => e.label !== 'assumes')).toBe(true);
  });

  it('dedupes nodes and edges and drops dangling edges', () => {
    const graph = crowdedSubnet();
    const doubled: Neighbourhood = {
      ...graph,
      nodes: [...graph.nodes, node('vpc-1', 'aws_vpc')],
      edges: [...graph.edges, graph.edges[0]!, { from: 'vpc-1', to: 'gone', label: 'x' }],
    };
    const clean = dedupeGraph(doubled);
    expect(clean.nodes).toHaveLength(graph.nodes.length);
    expect(clean.edges).toHaveLength(graph.edges.length);
  });

  it("keeps only the root's ownership edges, so the account no longer ties every node", () => {
    const graph = crowdedSubnet();
    const owned: Neighbourhood = {
      ...graph,
      nodes: [...graph.nodes, node('acct-1', 'aws_account')],
      edges: [
        ...graph.edges,
        ...graph.nodes.map((owned) => ({ from: 'acct-1', to: owned.key, label: 'owns' })),
      ],
    };
    const prepared = prepareGraph(owned);
    expect(prepared.edges.filter((edge) => edge.label === 'owns')).toEqual([
      { from: 'acct-1', to: 'subnet-1', label: 'owns' },
    ]);
    // Without their ownership edges, the instances fold again (all but i-0, which has a role).
    expect(prepared.nodes.find((n) => n.foldedMembers !== undefined)?.foldedMembers).toHaveLength(
      11,
    );

    const accountPage = prepareGraph({ ...owned, root: 'acct-1', depth: 1 }, { fold: false });
    expect(accountPage.edges.filter((edge) => edge.label === 'owns')).toHaveLength(
      graph.nodes.length,
    );
  });

  it('runs dedupe, trim and fold together', () => {
    // Trimmed to one hop, i-0 loses its role edge, so all 12 instances fold.
    const prepared = prepareGraph(crowdedSubnet(), { maxDistance: 1 });
    const group = prepared.nodes.find((n) => n.foldedMembers !== undefined);
    expect(group?.foldedMembers).toHaveLength(12);
    expect(prepared.nodes.map((n) => n.key).sort()).toEqual(
      ['subnet-1', 'vpc-1', group?.key].sort(),
    );
  });
});
