import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiId } from '../evidence/api-catalog.js';
import { nameTag, readEvidenceList, type EvidenceRecord } from './demo-evidence-files.js';
import { cidrContains, cidrsOverlap } from './ipv4.js';
import { writeDemoEvidence } from './write-demo-evidence.js';

const accounts = ['210987654321', '310987654321', '410987654321', '510987654321'];
const [, dev, security, marketing] = accounts as [string, string, string, string];
const regions = ['us-east-1', 'eu-west-1'];

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'lateral-demo-incident-'));
  await writeDemoEvidence(folder);
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const list = (accountId: string, region: string, api: ApiId, key: string) =>
  readEvidenceList(folder, accountId, region, api, key);

async function everywhere(api: ApiId, key: string): Promise<EvidenceRecord[]> {
  const lists = await Promise.all(
    accounts.flatMap((accountId) => regions.map((region) => list(accountId, region, api, key))),
  );
  return lists.flat();
}

async function roles(accountId: string): Promise<EvidenceRecord[]> {
  const path = join(
    folder,
    'accounts',
    accountId,
    'global',
    'iam.GetAccountAuthorizationDetails.json',
  );
  const body = JSON.parse(await readFile(path, 'utf8')) as Record<string, EvidenceRecord[]>;
  return body['RoleDetailList'] ?? [];
}

function byName(records: readonly EvidenceRecord[], name: string): EvidenceRecord {
  const found = records.filter((record) => nameTag(record) === name);
  expect(found, name).toHaveLength(1);
  return found[0] as EvidenceRecord;
}

describe('the demo incident, read back from the evidence files', () => {
  it('puts render-node-07 in a public Dev VPC subnet, with public and Elastic IPs', async () => {
    const host = byName(
      await list(dev, 'us-east-1', 'ec2:DescribeInstances', 'Reservations'),
      'render-node-07',
    );
    const subnets = await list(dev, 'us-east-1', 'ec2:DescribeSubnets', 'Subnets');
    const subnet = subnets.find((item) => item['SubnetId'] === host['SubnetId']) as EvidenceRecord;
    expect(nameTag(subnet)).toBe('VPC-Public2-Subnet');
    const vpcs = await list(dev, 'us-east-1', 'ec2:DescribeVpcs', 'Vpcs');
    expect(nameTag(vpcs.find((vpc) => vpc['VpcId'] === host['VpcId']) as EvidenceRecord)).toBe(
      'Dev VPC',
    );

    const tables = await list(dev, 'us-east-1', 'ec2:DescribeRouteTables', 'RouteTables');
    const table = tables.find((item) =>
      (item['Associations'] as EvidenceRecord[]).some(
        (link) => link['SubnetId'] === subnet['SubnetId'],
      ),
    ) as EvidenceRecord;
    const defaultRoute = (table['Routes'] as EvidenceRecord[]).find(
      (route) => route['DestinationCidrBlock'] === '0.0.0.0/0',
    );
    const gateways = await list(
      dev,
      'us-east-1',
      'ec2:DescribeInternetGateways',
      'InternetGateways',
    );
    const gateway = gateways.find(
      (item) => item['InternetGatewayId'] === defaultRoute?.['GatewayId'],
    );
    expect((gateway?.['Attachments'] as EvidenceRecord[])[0]?.['VpcId']).toBe(host['VpcId']);

    expect(host['PublicIpAddress']).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const addresses = await list(dev, 'us-east-1', 'ec2:DescribeAddresses', 'Addresses');
    const elastic = addresses.find((item) => item['InstanceId'] === host['InstanceId']);
    expect(elastic?.['PublicIp']).toBe(host['PublicIpAddress']);
  });

  it('runs render-node-07, render-node-08 and render-thumbnailer as RenderRole-dev', async () => {
    const instances = await list(dev, 'us-east-1', 'ec2:DescribeInstances', 'Reservations');
    const devRoles = await roles(dev);
    const roleOfProfile = (arn: unknown) =>
      devRoles.find((role) =>
        (role['InstanceProfileList'] as EvidenceRecord[]).some((profile) => profile['Arn'] === arn),
      );
    const profileArn = (name: string) =>
      (byName(instances, name)['IamInstanceProfile'] as EvidenceRecord)['Arn'];
    expect(profileArn('render-node-07')).toBe(
      `arn:aws:iam::${dev}:instance-profile/RenderInstanceProfile-dev`,
    );
    const role = roleOfProfile(profileArn('render-node-07')) as EvidenceRecord;
    expect(role['RoleName']).toBe('RenderRole-dev');
    expect(roleOfProfile(profileArn('render-node-08'))).toBe(role);

    const functions = await list(dev, 'us-east-1', 'lambda:ListFunctions', 'Functions');
    const thumbnailer = functions.find((item) => item['FunctionName'] === 'render-thumbnailer');
    expect(thumbnailer?.['Role']).toBe(role['Arn']);
    const network = thumbnailer?.['VpcConfig'] as EvidenceRecord;
    expect(network['VpcId']).toBe(byName(instances, 'render-node-07')['VpcId']);
    expect((network['SubnetIds'] as string[]).length).toBeGreaterThan(0);
    expect((network['SecurityGroupIds'] as string[]).length).toBeGreaterThan(0);

    const managed = (role['AttachedManagedPolicies'] as EvidenceRecord[]).map(
      (item) => item['PolicyArn'],
    );
    expect(managed).toContain('arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess');
    expect(managed).toContain(`arn:aws:iam::${dev}:policy/RenderAssetsAccess`);
    const inline = role['RolePolicyList'] as EvidenceRecord[];
    expect(inline.map((item) => item['PolicyName'])).toContain('render-queue-access');
    const trust = JSON.stringify(role['AssumeRolePolicyDocument']);
    expect(trust).toContain('ec2.amazonaws.com');
    expect(trust).toContain('lambda.amazonaws.com');
  });

  it('holds the database, mail relay and payments server in the Dev VPC', async () => {
    const instances = await list(dev, 'us-east-1', 'ec2:DescribeInstances', 'Reservations');
    const vpcId = byName(instances, 'render-node-07')['VpcId'];
    expect(byName(instances, 'mail-relay')['VpcId']).toBe(vpcId);
    expect(byName(instances, 'payments-api')['VpcId']).toBe(vpcId);
    const databases = await list(dev, 'us-east-1', 'rds:DescribeDBInstances', 'DBInstances');
    const orders = databases.find((item) => item['DBInstanceIdentifier'] === 'dev-orders-db');
    expect((orders?.['DBSubnetGroup'] as EvidenceRecord)['VpcId']).toBe(vpcId);
  });

  it('peers the Dev VPC with the Security and Meme Factory VPCs, on both sides', async () => {
    const devVpc = byName(await list(dev, 'us-east-1', 'ec2:DescribeVpcs', 'Vpcs'), 'Dev VPC');
    for (const [accountId, vpcName, hosts] of [
      [security, 'Security VPC', ['SIFT-forensics', 'Steampipe', 'Splunk']],
      [marketing, 'Meme Factory VPC', ['meme-web-1']],
    ] as const) {
      const peerVpc = byName(
        await list(accountId, 'us-east-1', 'ec2:DescribeVpcs', 'Vpcs'),
        vpcName,
      );
      expect(cidrsOverlap(devVpc['CidrBlock'] as string, peerVpc['CidrBlock'] as string)).toBe(
        false,
      );
      const peerInstances = await list(
        accountId,
        'us-east-1',
        'ec2:DescribeInstances',
        'Reservations',
      );
      for (const host of hosts) expect(byName(peerInstances, host)['VpcId']).toBe(peerVpc['VpcId']);

      const sides = await Promise.all(
        [dev, accountId].map((owner) =>
          list(owner, 'us-east-1', 'ec2:DescribeVpcPeeringConnections', 'VpcPeeringConnections'),
        ),
      );
      const [fromDev, fromPeer] = sides.map((connections) =>
        connections.find(
          (item) => (item['AccepterVpcInfo'] as EvidenceRecord)['VpcId'] === peerVpc['VpcId'],
        ),
      );
      expect(fromDev?.['VpcPeeringConnectionId']).toBe(fromPeer?.['VpcPeeringConnectionId']);
      expect((fromDev?.['Status'] as EvidenceRecord)['Code']).toBe('active');
      expect((fromDev?.['RequesterVpcInfo'] as EvidenceRecord)['OwnerId']).toBe(dev);
      expect((fromDev?.['AccepterVpcInfo'] as EvidenceRecord)['OwnerId']).toBe(accountId);

      // Routes to the peer exist on both sides, through this peering.
      for (const [owner, destination] of [
        [dev, peerVpc['CidrBlock']],
        [accountId, devVpc['CidrBlock']],
      ] as const) {
        const tables = await list(owner, 'us-east-1', 'ec2:DescribeRouteTables', 'RouteTables');
        const routes = tables.flatMap((table) => table['Routes'] as EvidenceRecord[]);
        expect(routes).toContainEqual(
          expect.objectContaining({
            DestinationCidrBlock: destination,
            VpcPeeringConnectionId: fromDev?.['VpcPeeringConnectionId'],
          }),
        );
      }
    }
  });

  it('has a Dev group rule naming a Security account group across the peering', async () => {
    const devGroups = await list(dev, 'us-east-1', 'ec2:DescribeSecurityGroups', 'SecurityGroups');
    const pairs = devGroups.flatMap((group) =>
      (group['IpPermissions'] as EvidenceRecord[]).flatMap(
        (permission) => permission['UserIdGroupPairs'] as EvidenceRecord[],
      ),
    );
    const across = pairs.filter((pair) => pair['UserId'] === security);
    expect(across.length).toBeGreaterThan(0);
    const securityGroups = await list(
      security,
      'us-east-1',
      'ec2:DescribeSecurityGroups',
      'SecurityGroups',
    );
    for (const pair of across) {
      expect(String(pair['VpcPeeringConnectionId'])).toMatch(/^pcx-0[0-9a-f]{16}$/);
      expect(securityGroups.map((group) => group['GroupId'])).toContain(pair['GroupId']);
    }
  });

  it('places every private address inside its subnet, each once', async () => {
    const subnets = await everywhere('ec2:DescribeSubnets', 'Subnets');
    const cidrOf = new Map(
      subnets.map((subnet) => [subnet['SubnetId'], subnet['CidrBlock'] as string]),
    );
    const interfaces = await everywhere('ec2:DescribeNetworkInterfaces', 'NetworkInterfaces');
    const instances = await everywhere('ec2:DescribeInstances', 'Reservations');
    const seen = new Set<string>();
    for (const record of [...interfaces, ...instances]) {
      const cidr = cidrOf.get(record['SubnetId']);
      expect(cidr, String(record['SubnetId'])).toBeDefined();
      expect(cidrContains(cidr as string, record['PrivateIpAddress'] as string)).toBe(true);
    }
    for (const record of interfaces) {
      const key = `${String(record['VpcId'])}/${String(record['PrivateIpAddress'])}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
    }
    // Every instance's ENI, volumes and security groups are in the evidence too.
    const eniIds = new Set(interfaces.map((record) => record['NetworkInterfaceId']));
    const volumes = await everywhere('ec2:DescribeVolumes', 'Volumes');
    const groups = new Set(
      (await everywhere('ec2:DescribeSecurityGroups', 'SecurityGroups')).map((g) => g['GroupId']),
    );
    for (const instance of instances) {
      for (const eni of instance['NetworkInterfaces'] as EvidenceRecord[]) {
        expect(eniIds.has(eni['NetworkInterfaceId'])).toBe(true);
      }
      for (const mapping of instance['BlockDeviceMappings'] as EvidenceRecord[]) {
        const volumeId = (mapping['Ebs'] as EvidenceRecord)['VolumeId'];
        const volume = volumes.find((item) => item['VolumeId'] === volumeId);
        expect((volume?.['Attachments'] as EvidenceRecord[])[0]?.['InstanceId']).toBe(
          instance['InstanceId'],
        );
      }
      for (const group of instance['SecurityGroups'] as EvidenceRecord[]) {
        expect(groups.has(group['GroupId'])).toBe(true);
      }
      expect(String(instance['InstanceId'])).toMatch(/^i-0[0-9a-f]{16}$/);
    }
    expect(instances.length).toBeGreaterThanOrEqual(30);
  });

  it('gives every profile in use a role; trusts Security and an outside account', async () => {
    const instances = await everywhere('ec2:DescribeInstances', 'Reservations');
    for (const instance of instances) {
      const profile = instance['IamInstanceProfile'] as EvidenceRecord | undefined;
      if (profile === undefined) continue;
      const owner = String(profile['Arn']).split(':')[4] as string;
      const profiles = (await roles(owner)).flatMap(
        (role) => role['InstanceProfileList'] as EvidenceRecord[],
      );
      const match = profiles.find((item) => item['Arn'] === profile['Arn']);
      expect(match?.['InstanceProfileId'], String(profile['Arn'])).toBe(profile['Id']);
    }
    const trusts = (await Promise.all(accounts.map(roles)))
      .flat()
      .map((role) => JSON.stringify(role['AssumeRolePolicyDocument']));
    expect(trusts.some((trust) => trust.includes(`arn:aws:iam::${security}:root`))).toBe(true);
    expect(trusts.some((trust) => trust.includes('arn:aws:iam::999988887777:root'))).toBe(true);
  });
});
