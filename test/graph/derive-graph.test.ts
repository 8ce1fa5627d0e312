import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphReader } from '../../src/graph/graph-reader.js';
import {
  captureDocuments,
  captures,
  cloudMapperDemo,
  cloudMapperDocuments,
  deriveFixture,
  edgesOf,
  type EdgeView,
  type GraphFixture,
} from './graph-fixture.js';
import { sharedDataExists } from './evidence-rows.js';

interface InstanceFile {
  Reservations: {
    Instances: {
      InstanceId: string;
      SubnetId?: string;
      VpcId?: string;
      KeyName?: string;
      SecurityGroups: { GroupId: string }[];
      IamInstanceProfile?: { Arn: string };
    }[];
  }[];
}

// Each of these tests opens its own store; on a busy machine that alone can take a minute.
const storeTestTimeout = 240_000;

function instancesOf(file: string) {
  const body = JSON.parse(readFileSync(file, 'utf8')) as InstanceFile;
  return body.Reservations.flatMap((reservation) => reservation.Instances);
}

function find(edges: EdgeView[], label: string, fromId: string, toId?: string) {
  return edges.filter(
    (edge) =>
      edge.label === label && edge.fromId === fromId && (toId === undefined || edge.toId === toId),
  );
}

describe.skipIf(!sharedDataExists)(
  'graph of the CloudMapper demo account (needs ../shared/data)',
  () => {
    let fixture: GraphFixture;
    let edges: EdgeView[];
    beforeAll(async () => {
      fixture = await deriveFixture(cloudMapperDocuments(), new Map([['123456789012', 'demo']]));
      edges = await edgesOf(fixture.store);
    });
    afterAll(() => fixture.store.close());

    it("links each instance to its file's subnet, the subnet's VPC and its security groups", () => {
      const instances = instancesOf(join(cloudMapperDemo, 'us-east-1/ec2-describe-instances.json'));
      expect(instances.length).toBeGreaterThan(0);
      for (const instance of instances) {
        const id = instance.InstanceId;
        expect(find(edges, 'subnet', id, instance.SubnetId)).toHaveLength(1);
        expect(find(edges, 'vpc', instance.SubnetId ?? '', instance.VpcId)).toHaveLength(1);
        for (const group of instance.SecurityGroups) {
          const edge = find(edges, 'security group', id, group.GroupId);
          expect(edge).toHaveLength(1);
          expect(edge[0]?.toCollected).toBe(true);
        }
        if (instance.KeyName !== undefined) {
          // DescribeKeyPairs is not in a CloudMapper folder: the key pair is named, not collected.
          const keyPair = find(edges, 'key pair', id, instance.KeyName);
          expect(keyPair.map((edge) => edge.toCollected)).toEqual([false]);
        }
      }
    });

    it('turns trust policies into "can assume" edges from their principals', () => {
      const trusts = edges.filter((edge) => edge.label === 'can assume');
      expect(trusts.length).toBeGreaterThan(0);
      const fromService = trusts.filter((edge) => edge.fromType === 'aws_principal_service');
      expect(fromService.map((edge) => edge.fromId)).toContain('ec2.amazonaws.com');
      expect(fromService.every((edge) => edge.fromCollected === false)).toBe(true);
    });

    it('names the account from the evidence and makes it own what it holds', async () => {
      const account = await fixture.store.query<{ name: string; collected: boolean }>(
        `select name, collected from public.lateral_resource where key = 'arn:aws:::123456789012'`,
      );
      expect(account.rows).toEqual([{ name: 'demo', collected: true }]);
      const owned = edges.filter((edge) => edge.label === 'owns' && edge.fromId === '123456789012');
      expect(owned.map((edge) => edge.toType)).toContain('aws_ec2_instance');
    });
  },
);

describe.skipIf(!sharedDataExists)('instances with instance profiles and roles', () => {
  const folder = 'test_ec2_iam_role_filter_by_role_name';
  const account = '644160558196';
  let fixture: GraphFixture;
  let edges: EdgeView[];
  beforeAll(async () => {
    const documents = captureDocuments(folder, account);
    // The roles inside the real ListInstanceProfiles response, as ListRoles lists the same
    // Role objects: the capture holds no ListRoles call of its own.
    const profiles = documents.find((d) => d.api === 'iam:ListInstanceProfiles');
    const roles = (
      profiles?.body as { InstanceProfiles: { Roles: unknown[] }[] }
    ).InstanceProfiles.flatMap((profile) => profile.Roles);
    const listRoles = { ...profiles, api: 'iam:ListRoles' as const, body: { Roles: roles } };
    fixture = await deriveFixture([...documents, listRoles as (typeof documents)[number]]);
    edges = await edgesOf(fixture.store);
  });
  afterAll(() => fixture.store.close());

  it('links instance → instance profile "runs as" → role "assumes"', () => {
    for (const instance of instancesOf(join(captures, folder, 'ec2.DescribeInstances_1.json'))) {
      const profileArn = instance.IamInstanceProfile?.Arn ?? '';
      const profileName = profileArn.split('/').pop() ?? '';
      const runsAs = find(edges, 'runs as', instance.InstanceId, profileName);
      expect(runsAs.map((edge) => edge.toType)).toEqual(['aws_iam_instance_profile']);
      expect(runsAs[0]?.toCollected).toBe(true);
      const assumes = find(edges, 'assumes', profileName);
      expect(assumes.map((edge) => edge.toType)).toEqual(['aws_iam_role']);
    }
  });

  it('reads "can assume" from the trust policy\'s account root and user, not from Deny', () => {
    const trusts = edges.filter((edge) => edge.label === 'can assume');
    const intoCustodian = trusts.filter((edge) => edge.toId === 'CloudCustodianRole');
    expect(intoCustodian.map((edge) => edge.fromType).sort()).toEqual(
      expect.arrayContaining(['aws_account', 'aws_iam_user', 'aws_principal_service']),
    );
    expect(intoCustodian.find((edge) => edge.fromType === 'aws_account')?.fromId).toBe(account);
    // The other role's only statement is a Deny: nobody can assume it through its trust policy.
    expect(trusts.filter((edge) => edge.toId === 'c7n-tester-test')).toEqual([]);
  });
});

describe.skipIf(!sharedDataExists)('what was not collected becomes a placeholder', () => {
  it(
    'keeps the instance profile of an instance whose IAM was not imported',
    async () => {
      const documents = captureDocuments('test_ec2_iam_role_filter_by_role_name', '644160558196');
      const fixture = await deriveFixture(documents.filter((d) => d.api.startsWith('ec2:')));
      try {
        const runsAs = (await edgesOf(fixture.store)).filter((edge) => edge.label === 'runs as');
        expect(runsAs).toHaveLength(2);
        expect(runsAs.every((edge) => edge.toCollected === false)).toBe(true);
        // The instance's page says why its profile is only a name.
        const [hit] = await createGraphReader(fixture.store).search(runsAs[0]!.fromId, 1);
        const detail = await createGraphReader(fixture.store).resource(hit!.node.key);
        expect(detail?.coverage.map((note) => note.message)).toContainEqual(
          expect.stringMatching(/^IAM for account 644160558196 was not collected/),
        );
      } finally {
        await fixture.store.close();
      }
    },
    storeTestTimeout,
  );

  it(
    'links peered VPCs and the peering connection, with uncollected VPCs as placeholders',
    async () => {
      const folder = 'test_peer_miss_route_filter_not_found';
      const fixture = await deriveFixture(captureDocuments(folder, '619193117841'));
      try {
        const edges = await edgesOf(fixture.store);
        const peered = edges.filter((edge) => edge.label === 'peered with');
        expect(peered.map((edge) => [edge.fromId, edge.toId])).toEqual([
          ['vpc-cb3e8cae', 'vpc-1cc8e779'],
        ]);
        expect(peered[0]?.toCollected).toBe(false);
        const routes = edges.filter(
          (edge) => edge.label === 'routes to' && edge.toType === 'aws_vpc_peering_connection',
        );
        expect(routes.map((edge) => edge.toId)).toContain('pcx-36096b5f');
        expect(routes.every((edge) => edge.toCollected)).toBe(true);
        const sides = edges.filter((edge) => edge.fromId === 'pcx-36096b5f').map((e) => e.label);
        expect(sides.sort()).toEqual(['accepter vpc', 'requester vpc']);
      } finally {
        await fixture.store.close();
      }
    },
    storeTestTimeout,
  );

  it(
    "places a peer VPC in another account and region in that account's placeholder",
    async () => {
      const folder = 'test_peer_miss_route_filter';
      const documents = captureDocuments(folder, '619193117841').map((document) => {
        if (document.api !== 'ec2:DescribeVpcPeeringConnections') return document;
        // The real connection, with its accepter moved to another account and region.
        const body = structuredClone(document.body) as {
          VpcPeeringConnections: { AccepterVpcInfo: Record<string, unknown> }[];
        };
        for (const connection of body.VpcPeeringConnections) {
          connection.AccepterVpcInfo['OwnerId'] = '222233334444';
          connection.AccepterVpcInfo['Region'] = 'eu-west-1';
        }
        return { ...document, body };
      });
      const fixture = await deriveFixture(documents);
      try {
        const peered = (await edgesOf(fixture.store)).filter((e) => e.label === 'peered with');
        expect(peered).toHaveLength(1);
        expect(peered[0]).toMatchObject({
          toId: 'vpc-1cc8e779',
          toAccount: '222233334444',
          toRegion: 'eu-west-1',
          toCollected: false,
        });
      } finally {
        await fixture.store.close();
      }
    },
    storeTestTimeout,
  );

  it(
    'links a Lambda function in a VPC to its security groups',
    async () => {
      const fixture = await deriveFixture(captureDocuments('test_aws_lambda_sg', '644160558196'));
      try {
        const body = JSON.parse(
          readFileSync(join(captures, 'test_aws_lambda_sg/lambda.ListFunctions_1.json'), 'utf8'),
        ) as { Functions: { FunctionName: string; VpcConfig?: { SecurityGroupIds?: string[] } }[] };
        const expected = body.Functions.flatMap((fn) =>
          (fn.VpcConfig?.SecurityGroupIds ?? []).map((group) => [fn.FunctionName, group]),
        );
        expect(expected.length).toBeGreaterThan(0);
        const edges = (await edgesOf(fixture.store)).filter(
          (edge) => edge.label === 'security group' && edge.fromType === 'aws_lambda_function',
        );
        expect(edges.map((edge) => [edge.fromId, edge.toId]).sort()).toEqual(expected.sort());
      } finally {
        await fixture.store.close();
      }
    },
    storeTestTimeout,
  );
});
