import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphReader } from '../../src/graph/graph-model.js';
import { createGraphReader } from '../../src/graph/graph-reader.js';
import { sharedDataExists } from './evidence-rows.js';
import {
  cloudMapperDemo,
  cloudMapperDocuments,
  deriveFixture,
  type GraphFixture,
} from './graph-fixture.js';

interface DemoInstance {
  InstanceId: string;
  PrivateIpAddress?: string;
  SubnetId?: string;
  Tags?: { Key: string; Value: string }[];
}

const instances = sharedDataExists
  ? (
      JSON.parse(
        readFileSync(join(cloudMapperDemo, 'us-east-1/ec2-describe-instances.json'), 'utf8'),
      ) as { Reservations: { Instances: DemoInstance[] }[] }
    ).Reservations.flatMap((reservation) => reservation.Instances)
  : [];

describe.skipIf(!sharedDataExists)('reading the graph of the CloudMapper demo', () => {
  let fixture: GraphFixture;
  let reader: GraphReader;
  beforeAll(async () => {
    fixture = await deriveFixture(cloudMapperDocuments());
    reader = createGraphReader(fixture.store);
  });
  afterAll(() => fixture.store.close());

  it('finds an instance by its id first, and by its private IP and Name tag', async () => {
    const instance = instances[0]!;
    const byId = await reader.search(instance.InstanceId, 10);
    expect(byId[0]).toMatchObject({ matched: 'id', node: { id: instance.InstanceId } });
    if (instance.PrivateIpAddress !== undefined) {
      const byIp = await reader.search(instance.PrivateIpAddress, 10);
      expect(byIp[0]).toMatchObject({ matched: 'ip', node: { id: instance.InstanceId } });
    }
    const name = instance.Tags?.find((tag) => tag.Key === 'Name')?.Value;
    if (name !== undefined) {
      const byName = await reader.search(name.toUpperCase(), 10);
      expect(byName.map((result) => result.node.id)).toContain(instance.InstanceId);
    }
  });

  it("shows an instance's row, its relations both ways and its subnet nearby", async () => {
    const instance = instances[0]!;
    const [hit] = await reader.search(instance.InstanceId, 1);
    const detail = await reader.resource(hit!.node.key);
    expect(detail?.row?.['instance_id']).toBe(instance.InstanceId);
    const subnet = detail?.related.find((r) => r.edge.label === 'subnet');
    expect(subnet).toMatchObject({ direction: 'out', node: { id: instance.SubnetId } });
    expect(detail?.related.some((r) => r.direction === 'in' && r.edge.label === 'owns')).toBe(true);

    const one = await reader.neighbourhood(hit!.node.key, 1);
    const two = await reader.neighbourhood(hit!.node.key, 2);
    expect(one?.nodes.map((n) => n.id)).toContain(instance.SubnetId);
    // Two hops reach the subnet's VPC; one hop does not.
    expect(one?.nodes.some((n) => n.type === 'aws_vpc')).toBe(false);
    expect(two?.nodes.some((n) => n.type === 'aws_vpc')).toBe(true);
    expect(two?.truncated).toBe(false);
    const keys = new Set(two?.nodes.map((n) => n.key));
    expect(two?.edges.every((e) => keys.has(e.from) && keys.has(e.to))).toBe(true);
  });

  it('cuts a neighbourhood at the node cap and says so', async () => {
    const [hit] = await reader.search(instances[0]!.InstanceId, 1);
    const small = createGraphReader(fixture.store, { nodeCap: 3 });
    const graph = await small.neighbourhood(hit!.node.key, 3);
    expect(graph?.nodes).toHaveLength(3);
    expect(graph?.truncated).toBe(true);
  });

  it('answers undefined for an unknown key and nothing for an empty search', async () => {
    expect(await reader.resource('arn:aws:ec2:us-east-1:123456789012:instance/i-missing')).toBe(
      undefined,
    );
    expect(await reader.search('   ', 10)).toEqual([]);
  });
});
