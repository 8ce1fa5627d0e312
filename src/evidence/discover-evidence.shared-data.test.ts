import { readdirSync, readFileSync } from 'node:fs';
import { chmod, cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hasSharedData,
  sharedDataDir as sharedData,
  sharedDataSkipNote,
} from '../../test/shared-data.js';
import { findApiSpec } from './api-catalog.js';
import { discoverEvidence, noEvidenceReason } from './discover-evidence.js';
import { readEvidenceFile } from './read-evidence-file.js';

if (!hasSharedData) process.stderr.write(`${sharedDataSkipNote}\n`);

const cloudMapperDemo = join(sharedData, 'cloudmapper/account-data/demo');
const captures = join(sharedData, 'aws-api-captures');

/** Every file under a folder, found here independently of the code under test. */
function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** Copies shared data (stored read-only) to a scratch folder the test may change and remove. */
async function copyWritable(from: string, to: string): Promise<void> {
  await cp(from, to, { recursive: true });
  await chmod(to, 0o755);
  for (const entry of readdirSync(to, { withFileTypes: true, recursive: true })) {
    await chmod(join(entry.parentPath, entry.name), entry.isDirectory() ? 0o755 : 0o644);
  }
}

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'lateral-discover-shared-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe.skipIf(!hasSharedData)('a CloudMapper account folder (the demo)', () => {
  it('maps the covered calls to API ids, for account 123456789012 in us-east-1', async () => {
    const inventory = await discoverEvidence([cloudMapperDemo]);
    const found = inventory.files.map(
      (ref) =>
        `${ref.api} ${ref.region}${ref.resourceId === undefined ? '' : ` ${ref.resourceId}`}`,
    );
    expect(found.sort()).toEqual(
      [
        'ec2:DescribeRegions global',
        'ec2:DescribeInstances us-east-1',
        'ec2:DescribeNetworkInterfaces us-east-1',
        'ec2:DescribeSecurityGroups us-east-1',
        'ec2:DescribeSubnets us-east-1',
        'ec2:DescribeVpcPeeringConnections us-east-1',
        'ec2:DescribeVpcs us-east-1',
        'iam:GetAccountAuthorizationDetails global',
        'iam:GetRole global bad_role',
        'iam:GetRole global exfiller',
        'iam:GetRole global level1',
        'iam:GetRole global level3',
        'iam:GetUser global USER',
        'iam:GetUser global USER_WITH_BAD_INLINE_POLICY',
        'lambda:ListFunctions us-east-1',
        'rds:DescribeDBInstances us-east-1',
        's3:GetBucketLocation global cloudmapper_demo',
        's3:GetBucketPolicy global cloudmapper_demo',
        's3:ListBuckets global',
        'sts:GetCallerIdentity global',
      ].sort(),
    );
    expect(new Set(inventory.files.map((ref) => ref.accountId))).toEqual(new Set(['123456789012']));
    expect(inventory.files.every((ref) => ref.layout === 'cloudmapper')).toBe(true);
    expect(inventory.accountNames.get('123456789012')).toBe('demo');
    expect(inventory.loaded).toEqual([]);
  });

  it('names every other file with a reason, and accounts for every file', async () => {
    const inventory = await discoverEvidence([cloudMapperDemo]);
    const all = filesUnder(cloudMapperDemo);
    const used = [
      ...inventory.files.map((ref) => ref.path),
      ...inventory.skipped.map((s) => s.path),
    ];
    expect(used.sort()).toEqual(all);
    const reasonOf = (name: string): string | undefined =>
      inventory.skipped.find((skip) => relative(cloudMapperDemo, skip.path) === name)?.reason;
    expect(reasonOf('us-east-1/sns-list-topics.json')).toBe(
      "CloudMapper's sns-list-topics is not an API lateral reads yet",
    );
    expect(reasonOf('us-east-1/elbv2-describe-load-balancers.json')).toBe(
      "CloudMapper's elbv2-describe-load-balancers is not an API lateral reads yet",
    );
    expect(reasonOf('us-east-1/ecs-list-clusters.json')).toBe(
      "CloudMapper's ecs-list-clusters is not an API lateral reads yet",
    );
    const queue =
      'us-east-1/sqs-get-queue-attributes/https%3A%2F%2Fqueue.amazonaws.com%2F123456789012%2Fdemo';
    expect(reasonOf(queue)).toBe(
      "CloudMapper's sqs-get-queue-attributes is not an API lateral reads yet",
    );
  });

  it('reads every file it listed', async () => {
    const inventory = await discoverEvidence([cloudMapperDemo]);
    for (const ref of inventory.files) {
      const file = await readEvidenceFile(ref);
      expect(file.documents[0]?.body).toEqual(readJson(ref.path));
      expect(file.source.layout).toBe('cloudmapper');
    }
  });

  it('reads an account-data folder of several accounts, named by config.json', async () => {
    const root = join(scratch, 'cloudmapper');
    await copyWritable(cloudMapperDemo, join(root, 'account-data/demo'));
    await copyWritable(cloudMapperDemo, join(root, 'account-data/staging'));
    // Without its sts-get-caller-identity.json, the second account is known only by config.json.
    await rm(join(root, 'account-data/staging/us-east-1/sts-get-caller-identity.json'));
    await writeFile(
      join(root, 'config.json'),
      JSON.stringify({
        accounts: [
          { id: '123456789012', name: 'demo', default: true },
          { id: '210987654321', name: 'staging' },
        ],
      }),
    );
    const inventory = await discoverEvidence([join(root, 'account-data')]);
    expect(new Set(inventory.files.map((ref) => ref.accountId))).toEqual(
      new Set(['123456789012', '210987654321']),
    );
    expect(inventory.accountNames).toEqual(
      new Map([
        ['123456789012', 'demo'],
        ['210987654321', 'staging'],
      ]),
    );
    const fromParent = await discoverEvidence([root]);
    expect(fromParent.files.length).toBe(inventory.files.length);
    expect(fromParent.skipped).toContainEqual({
      path: join(root, 'config.json'),
      reason: "is CloudMapper's config: read only for the names of its accounts",
    });
  });

  it('asks for --account when a CloudMapper folder cannot tell, and takes it', async () => {
    const folder = join(scratch, 'anonymous');
    await copyWritable(cloudMapperDemo, folder);
    await rm(join(folder, 'us-east-1/sts-get-caller-identity.json'));
    const without = await discoverEvidence([folder]);
    expect(without.files).toEqual([]);
    expect(without.skipped).toEqual([
      {
        path: folder,
        reason:
          'cannot tell which account this CloudMapper folder belongs to (no readable ' +
          'sts-get-caller-identity.json, no config.json entry named anonymous): pass --account',
      },
    ]);
    const given = await discoverEvidence([folder], { accountId: '444455556666' });
    expect(new Set(given.files.map((ref) => ref.accountId))).toEqual(new Set(['444455556666']));
  });
});

/** `ec2.DescribeInstances` from `ec2.DescribeInstances_1.json`, as the capture names it. */
function apiNameOf(path: string): string {
  return (path.split('/').pop() ?? '').replace(/_\d+\.json$/, '');
}

describe.skipIf(!hasSharedData)('aws API captures (loose aws CLI files)', () => {
  it('imports each file of a covered API or asks what it lacks; names the others', async () => {
    const inventory = await discoverEvidence([captures]);
    expect(inventory.files).toEqual([]);
    const loaded = new Map(inventory.loaded.map((file) => [file.source.path, file]));
    const skipped = new Map(inventory.skipped.map((skip) => [skip.path, skip.reason]));
    for (const path of filesUnder(captures)) {
      const name = apiNameOf(path);
      const spec = findApiSpec(name.replace('.', ':'));
      if (spec === undefined) {
        expect(skipped.get(path), path).toBe(`${name} is not an API lateral reads`);
        continue;
      }
      const file = loaded.get(path);
      if (file === undefined) {
        expect(skipped.get(path), path).toMatch(/: pass --(account|region)$/);
        continue;
      }
      expect(file.documents.map((document) => document.api)).toEqual([spec.id]);
      expect(file.source.layout).toBe('aws-cli');
      if (spec.scope === 'global') expect(file.documents[0]?.region).toBe('global');
    }
    expect(skipped.get(join(captures, 'test_vpc_unused_key_delete/ec2.DeleteKeyPair_1.json'))).toBe(
      'ec2.DeleteKeyPair is not an API lateral reads',
    );
    expect(inventory.loaded.length).toBeGreaterThan(20);
  });

  it('takes the account and region from the instances themselves', async () => {
    const path = join(captures, 'test_ebs_modifyable_filter/ec2.DescribeInstances_1.json');
    const raw = readJson(path) as {
      Reservations: { OwnerId: string; Instances: { Placement: { AvailabilityZone: string } }[] }[];
    };
    const [reservation] = raw.Reservations;
    const zone = reservation?.Instances[0]?.Placement.AvailabilityZone ?? '';
    const inventory = await discoverEvidence([path]);
    expect(inventory.loaded[0]?.documents[0]).toMatchObject({
      api: 'ec2:DescribeInstances',
      accountId: reservation?.OwnerId,
      region: zone.slice(0, -1),
      source: path,
    });
  });

  it('asks for --account and --region when the file cannot tell, then uses them', async () => {
    const path = join(captures, 'test_vpc_unused_key_delete/ec2.DescribeInstances_1.json');
    const asked = await discoverEvidence([path]);
    expect(asked.skipped).toEqual([
      {
        path,
        reason: 'cannot tell which account ec2.DescribeInstances_1.json belongs to: pass --account',
      },
    ]);
    const accountOnly = await discoverEvidence([path], { accountId: '111122223333' });
    expect(accountOnly.skipped[0]?.reason).toBe(
      'cannot tell which region ec2.DescribeInstances_1.json (ec2:DescribeInstances) was ' +
        'collected in: pass --region',
    );
    const both = await discoverEvidence([path], { accountId: '111122223333', region: 'eu-west-1' });
    expect(both.loaded[0]?.documents[0]).toMatchObject({
      accountId: '111122223333',
      region: 'eu-west-1',
    });
  });

  it('refuses an --account that contradicts the owner the file names', async () => {
    const path = join(captures, 'test_ebs_modifyable_filter/ec2.DescribeInstances_1.json');
    const owner = (readJson(path) as { Reservations: { OwnerId: string }[] }).Reservations[0]
      ?.OwnerId;
    const inventory = await discoverEvidence([path], { accountId: '111122223333' });
    expect(inventory.loaded).toEqual([]);
    expect(inventory.skipped[0]?.reason).toBe(
      `its resources belong to account ${owner}, not 111122223333 given with --account: ` +
        'import it without --account, or separately',
    );
  });
});

describe.skipIf(!hasSharedData)('cloudsplaining authorization details', () => {
  const folder = join(sharedData, 'cloudsplaining/test/files');

  it('recognizes GetAccountAuthorizationDetails and its account from its roles', async () => {
    const inventory = await discoverEvidence([folder]);
    expect(inventory.skipped).toEqual([]);
    for (const file of inventory.loaded) {
      const raw = readJson(file.source.path) as { RoleDetailList: { Arn: string }[] };
      const account = raw.RoleDetailList[0]?.Arn.split(':')[4];
      expect(file.documents).toHaveLength(1);
      expect(file.documents[0]).toMatchObject({
        api: 'iam:GetAccountAuthorizationDetails',
        accountId: account,
        region: 'global',
      });
    }
    expect(inventory.loaded).toHaveLength(2);
  });

  it('asks for --account when only AWS-managed policies name an account', async () => {
    const raw = readJson(join(folder, 'example-authz-details.json')) as {
      Policies: { Arn: string }[];
    };
    const managedOnly = {
      UserDetailList: [],
      GroupDetailList: [],
      RoleDetailList: [],
      Policies: raw.Policies.filter((policy) => policy.Arn.startsWith('arn:aws:iam::aws:')),
    };
    const path = join(scratch, 'iam.GetAccountAuthorizationDetails.json');
    await writeFile(path, JSON.stringify(managedOnly));
    const asked = await discoverEvidence([path]);
    expect(asked.skipped).toEqual([
      {
        path,
        reason:
          'cannot tell which account iam.GetAccountAuthorizationDetails.json belongs to: ' +
          'pass --account',
      },
    ]);
    const given = await discoverEvidence([path], { accountId: '999988887777' });
    expect(given.loaded[0]?.documents[0]?.accountId).toBe('999988887777');
  });
});

describe.skipIf(!hasSharedData)('botocore examples', () => {
  it('are not evidence: every file skipped, the folder said to hold none', async () => {
    const folder = join(sharedData, 'botocore-examples');
    const inventory = await discoverEvidence([folder]);
    expect(inventory.files).toEqual([]);
    expect(inventory.loaded).toEqual([]);
    for (const path of filesUnder(folder)) {
      expect(inventory.skipped.find((skip) => skip.path === path)?.reason, path).toMatch(
        /^does not look like the output of an API lateral reads/,
      );
    }
    expect(inventory.skipped).toContainEqual({ path: folder, reason: noEvidenceReason });
  });
});

describe.skipIf(!hasSharedData)('a folder of mixed evidence', () => {
  it('finds a CloudMapper folder and loose files side by side', async () => {
    const root = join(scratch, 'mixed');
    await mkdir(root, { recursive: true });
    await copyWritable(cloudMapperDemo, join(root, 'cm/account-data/demo'));
    await copyWritable(join(captures, 'test_rds_retention'), join(root, 'loose'));
    const inventory = await discoverEvidence([root]);
    expect(inventory.files.length).toBeGreaterThan(0);
    expect(inventory.files.every((ref) => ref.path.startsWith(join(root, 'cm/')))).toBe(true);
    expect(inventory.loaded.map((file) => file.documents[0]?.api)).toEqual([
      'rds:DescribeDBInstances',
    ]);
  });
});
