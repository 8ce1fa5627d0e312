import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectEvidence, type CollectOptions } from '../../src/collect/collect-evidence.js';
import { redactionMarker } from '../../src/collect/redaction.js';
import { silentLogger } from '../../src/log/logger.js';
import { checkEvidenceFolder } from './evidence-folder-check.js';
import {
  managementAccessKeyId,
  managementAccount,
  memberAccounts,
  mockOrganization,
  restoreClients,
  type MockedFaults,
} from './mocked-organization.js';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'lateral-collect-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});
afterAll(restoreClients);

async function collect(faults: MockedFaults, overrides: Partial<CollectOptions> = {}) {
  mockOrganization(faults);
  return collectEvidence({
    out: folder,
    profiles: [],
    org: true,
    roleName: 'OrganizationAccountAccessRole',
    regions: 'enabled',
    includeSecrets: false,
    maxAttempts: 3,
    requestTimeoutMs: 5_000,
    limits: { total: 16, perAccount: 8, perRegion: 4, perService: 2 },
    accountsAtOnce: 3,
    toolVersion: '0.0.0-test',
    logger: silentLogger,
    homeRegion: 'us-east-1',
    credentialsFor: () => async () => ({
      accessKeyId: managementAccessKeyId,
      secretAccessKey: 'x',
    }),
    ...overrides,
  });
}

describe('lateral collect --org (mocked SDK clients)', () => {
  it('follows every page and merges pages under the list keys', async () => {
    const result = await collect({});
    const { manifest, problems, read } = await checkEvidenceFolder(folder);
    expect(problems).toEqual([]);
    expect(result.complete).toBe(true);

    const path = `accounts/${memberAccounts[0]}/eu-west-1/ec2.DescribeInstances.json`;
    const instances = await read(path);
    expect(instances).toEqual({
      Reservations: [1, 2, 3].map((page) => ({
        ReservationId: `r-${memberAccounts[0]}-eu-west-1-${page}`,
        OwnerId: memberAccounts[0],
      })),
    });
    expect(manifest.files.find((file) => file.path === path)?.pages).toBe(3);

    const iam = await read(
      `accounts/${managementAccount}/global/iam.GetAccountAuthorizationDetails.json`,
    );
    expect((iam['RoleDetailList'] as { RoleName: string }[]).map((role) => role.RoleName)).toEqual([
      'first-page-role',
      'second-page-role',
    ]);
    expect(iam).not.toHaveProperty('Marker');
    expect(iam).not.toHaveProperty('IsTruncated');
    expect((iam['RoleDetailList'] as { CreateDate: unknown }[])[0]?.CreateDate).toBe(
      '2026-01-02T03:04:05.000Z',
    );

    const accounts = await read(
      `accounts/${managementAccount}/global/organizations.ListAccounts.json`,
    );
    expect((accounts['Accounts'] as { Id: string }[]).map((account) => account.Id)).toEqual([
      managementAccount,
      memberAccounts[0],
      '444444444444',
      memberAccounts[1],
    ]);
    // The suspended account is listed as evidence but not collected.
    expect(manifest.accounts.map((account) => account.accountId).sort()).toEqual(
      [managementAccount, ...memberAccounts].sort(),
    );
    expect(manifest.files.some((file) => file.accountId === '444444444444')).toBe(false);
    expect(manifest.complete).toBe(true);
    expect(manifest.endedAt).not.toBeNull();
    expect(manifest.tool.version).toBe('0.0.0-test');
    expect(manifest.callerIdentity?.Account).toBe(managementAccount);
  });

  it('records an unassumable account as a gap and collects the other two', async () => {
    const result = await collect({ unassumable: [memberAccounts[1]] });
    const { manifest, problems } = await checkEvidenceFolder(folder);
    expect(problems).toEqual([]);
    expect(result.complete).toBe(true);
    expect(manifest.failures).toEqual([
      expect.objectContaining({
        accountId: memberAccounts[1],
        service: 'sts',
        api: 'sts:AssumeRole',
        errorCode: 'AccessDenied',
      }),
    ]);
    expect(manifest.files.some((file) => file.accountId === memberAccounts[1])).toBe(false);
    const unreachable = manifest.accounts.find(
      (account) => account.accountId === memberAccounts[1],
    );
    expect(unreachable?.callerIdentity).toBeNull();
    for (const accountId of [managementAccount, memberAccounts[0]]) {
      const files = manifest.files.filter((file) => file.accountId === accountId);
      expect(files.filter((file) => file.region === 'eu-west-1')).toHaveLength(16);
    }
    const prod = manifest.accounts.find((account) => account.accountId === memberAccounts[0]);
    expect(prod?.callerIdentity?.Account).toBe(memberAccounts[0]);
  });

  it('records AccessDenied in one region per API, keeping its other services', async () => {
    await collect({ deniedEc2: [`${memberAccounts[0]}/eu-west-1`] });
    const { manifest, problems } = await checkEvidenceFolder(folder);
    expect(problems).toEqual([]);
    const gaps = manifest.failures.filter((failure) => failure.accountId === memberAccounts[0]);
    expect(gaps).toHaveLength(14);
    for (const gap of gaps) {
      expect(gap).toMatchObject({
        region: 'eu-west-1',
        service: 'ec2',
        errorCode: 'UnauthorizedOperation',
      });
    }
    const files = manifest.files.filter((file) => file.accountId === memberAccounts[0]);
    expect(
      files
        .filter((file) => file.region === 'eu-west-1')
        .map((file) => file.api)
        .sort(),
    ).toEqual(['lambda:ListFunctions', 'rds:DescribeDBInstances']);
    expect(files.filter((file) => file.region === 'us-east-1')).toHaveLength(16);
  });

  it('replaces Lambda environment values with a marker unless secrets are included', async () => {
    await collect({});
    const path = `accounts/${memberAccounts[0]}/us-east-1/lambda.ListFunctions.json`;
    const redacted = await (await checkEvidenceFolder(folder)).read(path);
    expect(JSON.stringify(redacted)).not.toContain('hunter2');
    expect(redacted['Functions']).toEqual([
      {
        FunctionName: 'payments',
        Environment: { Variables: { DB_PASSWORD: redactionMarker, STAGE: redactionMarker } },
      },
    ]);

    await rm(folder, { recursive: true, force: true });
    await collect({}, { includeSecrets: true });
    const kept = await (await checkEvidenceFolder(folder)).read(path);
    expect(kept['Functions']).toEqual([
      {
        FunctionName: 'payments',
        Environment: { Variables: { DB_PASSWORD: 'hunter2', STAGE: 'prod' } },
      },
    ]);
  });

  it('writes a bucket policy only where one exists, and no gap for a bucket without', async () => {
    await collect({});
    const { manifest, read } = await checkEvidenceFolder(folder);
    const account = manifest.files.filter((file) => file.accountId === managementAccount);
    const policies = account.filter((file) => file.api === 's3:GetBucketPolicy');
    expect(policies.map((file) => file.resourceId)).toEqual(['with-policy']);
    expect(manifest.failures).toEqual([]);
    const plainLocation = await read(
      `accounts/${managementAccount}/global/s3.GetBucketLocation/plain.json`,
    );
    expect(plainLocation).toEqual({ LocationConstraint: null });
  });

  it('leaves a valid folder marked incomplete when interrupted', async () => {
    const interrupt = new AbortController();
    let pages = 0;
    const result = await collect(
      {
        onDescribeInstances: () => {
          pages += 1;
          if (pages === 4) interrupt.abort();
        },
      },
      { signal: interrupt.signal, accountsAtOnce: 1 },
    );
    expect(result.complete).toBe(false);
    const { manifest, problems } = await checkEvidenceFolder(folder);
    expect(problems).toEqual([]);
    expect(manifest.complete).toBe(false);
    expect(manifest.endedAt).toBeNull();
    expect(manifest.files.length).toBeGreaterThan(0);
    // Accounts after the interruption were never started: nothing of theirs is listed.
    expect(manifest.files.some((file) => file.accountId === memberAccounts[1])).toBe(false);
    // An interruption is not a failure of the calls it stopped.
    expect(manifest.failures).toEqual([]);
  });
});
