import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaledSyntheticOrg } from '../../bench/synthetic-org/synthetic-options.js';
import {
  writeSyntheticOrg,
  type SyntheticOrgSummary,
} from '../../bench/synthetic-org/write-synthetic-org.js';
import { manifestSchema, type Manifest } from '../../src/evidence/manifest.js';
import { cidrContains } from '../../src/demo/ipv4.js';

const options = scaledSyntheticOrg(0.02, 7);
let root: string;
let summary: SyntheticOrgSummary;
let manifest: Manifest;

async function body(path: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(join(root, 'org', path), 'utf8')) as Record<string, unknown>;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'lateral-synthetic-'));
  summary = await writeSyntheticOrg(join(root, 'org'), options);
  manifest = manifestSchema.parse(await body('manifest.json'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the synthetic organization', () => {
  it('holds the numbers it was asked for', async () => {
    expect(manifest.accounts).toHaveLength(options.accounts);
    let instances = 0;
    let vpcs = 0;
    let roles = 0;
    for (const file of manifest.files) {
      const content = await body(file.path);
      if (file.api === 'ec2:DescribeInstances') {
        for (const reservation of content['Reservations'] as { Instances: unknown[] }[]) {
          instances += reservation.Instances.length;
        }
      }
      if (file.api === 'ec2:DescribeVpcs') vpcs += (content['Vpcs'] as unknown[]).length;
      if (file.api === 'iam:GetAccountAuthorizationDetails') {
        roles += (content['RoleDetailList'] as unknown[]).length;
      }
    }
    expect({ instances, vpcs, roles }).toEqual({
      instances: options.instances,
      vpcs: options.vpcs,
      roles: options.roles,
    });
    expect(summary.items['ec2:DescribeInstances']).toBe(options.instances);
  });

  it('lists every file with its sha256', async () => {
    for (const file of manifest.files) {
      const bytes = await readFile(join(root, 'org', file.path));
      expect(createHash('sha256').update(bytes).digest('hex'), file.path).toBe(file.sha256);
    }
  });

  it('writes the same files from the same seed, and reuses a finished folder', async () => {
    const again = await writeSyntheticOrg(join(root, 'again'), options);
    const manifestAgain = manifestSchema.parse(
      JSON.parse(await readFile(join(root, 'again', 'manifest.json'), 'utf8')),
    );
    expect(again.reused).toBe(false);
    expect(manifestAgain.files.map((file) => file.sha256)).toEqual(
      manifest.files.map((file) => file.sha256),
    );
    expect((await writeSyntheticOrg(join(root, 'again'), options)).reused).toBe(true);
  });

  it('keeps instances inside their subnets and peerings on both sides', async () => {
    const seen = new Map<string, number>();
    for (const file of manifest.files.filter((item) => item.region !== 'global')) {
      if (file.api === 'ec2:DescribeVpcPeeringConnections') {
        for (const peering of (await body(file.path))['VpcPeeringConnections'] as {
          VpcPeeringConnectionId: string;
          RequesterVpcInfo: { OwnerId: string };
          AccepterVpcInfo: { OwnerId: string };
        }[]) {
          const sides =
            peering.RequesterVpcInfo.OwnerId === peering.AccepterVpcInfo.OwnerId ? 2 : 1;
          seen.set(
            peering.VpcPeeringConnectionId,
            (seen.get(peering.VpcPeeringConnectionId) ?? 0) + sides,
          );
        }
      }
      if (file.api !== 'ec2:DescribeSubnets') continue;
      const subnets = (await body(file.path))['Subnets'] as {
        SubnetId: string;
        CidrBlock: string;
      }[];
      const cidrOf = new Map(subnets.map((subnet) => [subnet.SubnetId, subnet.CidrBlock]));
      const instancesPath = file.path.replace('ec2.DescribeSubnets', 'ec2.DescribeInstances');
      for (const reservation of (await body(instancesPath))['Reservations'] as {
        Instances: { SubnetId: string; PrivateIpAddress: string }[];
      }[]) {
        for (const instance of reservation.Instances) {
          expect(
            cidrContains(cidrOf.get(instance.SubnetId) ?? '0.0.0.0/32', instance.PrivateIpAddress),
          ).toBe(true);
        }
      }
    }
    expect(seen.size).toBeGreaterThan(0);
    // Each peering is listed by both accounts (or once, in an account that owns both VPCs).
    expect([...seen.values()].every((count) => count === 2)).toBe(true);
  });
});
