import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startAwsStandIn, type StandIn } from '../../bench/aws-stand-in/stand-in-server.js';
import type { StandInDataset } from '../../bench/aws-stand-in/stand-in-data.js';
import { collectEvidence } from '../../src/collect/collect-evidence.js';
import { redactionMarker } from '../../src/collect/redaction.js';
import { importEvidence } from '../../src/import/import-evidence.js';
import { silentLogger } from '../../src/log/logger.js';
import { openStore } from '../../src/store/open-store.js';
import { checkEvidenceFolder } from './evidence-folder-check.js';

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

const management = '111111111111';
const prod = '222222222222';
const dev = '333333333333';
const dataset: StandInDataset = {
  managementAccountId: management,
  accounts: [
    { id: management, name: 'management', roleNames: [], regions: ['us-east-1', 'eu-west-1'] },
    {
      id: prod,
      name: 'prod',
      roleNames: ['OrganizationAccountAccessRole'],
      regions: ['us-east-1', 'eu-west-1'],
    },
    { id: dev, name: 'dev', roleNames: ['OrganizationAccountAccessRole'], regions: ['us-east-1'] },
  ],
  instancesPerRegion: 7,
  pageSize: 3,
  rolesPerAccount: 4,
};

let standIn: StandIn;
let folder: string;

beforeAll(async () => {
  // A low rate with a small burst: the first calls of each account and region get throttled.
  standIn = await startAwsStandIn({ dataset, latencyMs: 5, ratePerSecond: 40, burst: 4 });
});
afterAll(() => standIn.close());
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'lateral-collect-stand-in-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('lateral collect --org against the AWS stand-in endpoint (real SDK, real HTTP)', () => {
  it('reaches each account through AssumeRole, retries throttling, and imports', async () => {
    const throttledBefore = standIn.stats.throttled;
    const result = await collectEvidence({
      out: join(folder, 'evidence'),
      profiles: [],
      org: true,
      roleName: 'OrganizationAccountAccessRole',
      regions: 'enabled',
      includeSecrets: false,
      maxAttempts: 10,
      requestTimeoutMs: 10_000,
      limits: { total: 64, perAccount: 32, perRegion: 8, perService: 4 },
      accountsAtOnce: 3,
      toolVersion: '0.0.0-test',
      logger: silentLogger,
      endpointUrl: standIn.url,
      homeRegion: 'us-east-1',
      credentialsFor: () => async () => ({
        accessKeyId: standIn.managementAccessKeyId,
        secretAccessKey: 'test',
      }),
    });
    expect(standIn.stats.throttled - throttledBefore).toBeGreaterThan(0);
    expect(result.manifest.failures).toEqual([]);
    expect(result.complete).toBe(true);

    const { manifest, problems, read } = await checkEvidenceFolder(join(folder, 'evidence'));
    expect(problems).toEqual([]);
    const identities = manifest.accounts.map((account) => account.callerIdentity?.Arn).sort();
    expect(identities).toEqual([
      `arn:aws:iam::${management}:user/responder`,
      `arn:aws:sts::${prod}:assumed-role/OrganizationAccountAccessRole/lateral-collect`,
      `arn:aws:sts::${dev}:assumed-role/OrganizationAccountAccessRole/lateral-collect`,
    ]);
    // Each account's answers were served to that account's own credentials.
    for (const accountId of [management, prod, dev]) {
      const vpcs = await read(`accounts/${accountId}/us-east-1/ec2.DescribeVpcs.json`);
      expect((vpcs['Vpcs'] as { OwnerId: string }[]).map((vpc) => vpc.OwnerId)).toEqual([
        accountId,
      ]);
      const instances = await read(`accounts/${accountId}/us-east-1/ec2.DescribeInstances.json`);
      expect(instances['Reservations']).toHaveLength(7);
    }
    expect(manifest.accounts.find((account) => account.accountId === dev)?.regions).toEqual([
      'us-east-1',
    ]);
    const peering = await read(`accounts/${prod}/us-east-1/ec2.DescribeVpcPeeringConnections.json`);
    expect(peering['VpcPeeringConnections']).toEqual([
      expect.objectContaining({
        RequesterVpcInfo: expect.objectContaining({ OwnerId: management }),
        AccepterVpcInfo: expect.objectContaining({ OwnerId: prod }),
        Status: { Code: 'active', Message: 'Active' },
      }),
    ]);
    const functions = await read(`accounts/${dev}/us-east-1/lambda.ListFunctions.json`);
    expect(JSON.stringify(functions)).not.toContain(`secret-${dev}`);
    expect(JSON.stringify(functions)).toContain(redactionMarker);

    const store = await openStore({ dataDir: join(folder, 'store'), logger: silentLogger });
    try {
      const report = await importEvidence(store, [join(folder, 'evidence')], {
        logger: silentLogger,
      });
      expect(report.accounts.sort()).toEqual([management, prod, dev]);
      expect(report.skipped).toEqual([]);
      const instances = await store.query<{ account_id: string; count: number }>(
        'select account_id, count(*)::int as count from aws_ec2_instance group by 1 order by 1',
      );
      expect(instances.rows).toEqual([
        { account_id: management, count: 14 },
        { account_id: prod, count: 14 },
        { account_id: dev, count: 7 },
      ]);
      const peerings = await store.query<{ requester_owner_id: string; accepter_owner_id: string }>(
        'select distinct requester_owner_id, accepter_owner_id from aws_vpc_peering_connection',
      );
      expect(peerings.rows).toEqual([{ requester_owner_id: management, accepter_owner_id: prod }]);
    } finally {
      await store.close();
    }
  });

  it('runs as `lateral collect --org --endpoint-url` with environment credentials', async () => {
    const evidence = join(folder, 'evidence');
    const { stdout } = await run(
      process.execPath,
      [
        '--import',
        'tsx',
        join(repoRoot, 'src/cli/main.ts'),
        'collect',
        '--org',
        '--endpoint-url',
        standIn.url,
        '--out',
        evidence,
        '--data-dir',
        join(folder, 'store'),
        '--json',
      ],
      {
        cwd: repoRoot,
        env: {
          ...process.env,
          AWS_ACCESS_KEY_ID: standIn.managementAccessKeyId,
          AWS_SECRET_ACCESS_KEY: 'test',
          AWS_REGION: 'us-east-1',
          AWS_CONFIG_FILE: join(folder, 'no-config'),
          AWS_SHARED_CREDENTIALS_FILE: join(folder, 'no-credentials'),
        },
        timeout: 120_000,
      },
    );
    const summary = JSON.parse(stdout) as {
      complete: boolean;
      accounts: { accountId: string; status: string }[];
      import: { accounts: string[] };
    };
    expect(summary.complete).toBe(true);
    expect(summary.accounts.map((account) => [account.accountId, account.status]).sort()).toEqual([
      [management, 'done'],
      [prod, 'done'],
      [dev, 'done'],
    ]);
    expect(summary.import.accounts.sort()).toEqual([management, prod, dev]);
    expect((await checkEvidenceFolder(evidence)).problems).toEqual([]);
  });
});
