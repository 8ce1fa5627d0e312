import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discoverEvidence, noEvidenceReason } from './discover-evidence.js';

const secret = 'hostile-value-\u001b[31m-never-echoed';
const account = '123456789012';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'lateral-discover-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function fixture(name: string, content: string | Buffer): Promise<string> {
  const path = join(folder, name);
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, content);
  return path;
}

async function reasonFor(path: string, options = {}): Promise<string | undefined> {
  const inventory = await discoverEvidence([path], options);
  expect(inventory.loaded).toEqual([]);
  const reasons = inventory.skipped.map((skip) => skip.reason);
  for (const reason of reasons) expect(reason).not.toContain(secret);
  return inventory.skipped.find((skip) => skip.path === path)?.reason;
}

describe('discoverEvidence on loose aws CLI files', () => {
  it('reads a gzip file of a covered API, with account and region from the file', async () => {
    const body = {
      Functions: [
        { FunctionName: 'f', FunctionArn: `arn:aws:lambda:ap-south-1:${account}:function:f` },
      ],
    };
    const path = await fixture('functions.json.gz', gzipSync(JSON.stringify(body)));
    const inventory = await discoverEvidence([path]);
    expect(inventory.loaded[0]?.documents).toEqual([
      { api: 'lambda:ListFunctions', accountId: account, region: 'ap-south-1', body, source: path },
    ]);
  });

  it('prefers GetAccountAuthorizationDetails over ListPolicies for Policies', async () => {
    const arn = `arn:aws:iam::${account}:role/r`;
    const body = {
      UserDetailList: [],
      GroupDetailList: [],
      RoleDetailList: [{ Arn: arn }],
      Policies: [],
    };
    const path = await fixture('authz.json', JSON.stringify(body));
    const inventory = await discoverEvidence([path]);
    expect(inventory.loaded[0]?.documents[0]?.api).toBe('iam:GetAccountAuthorizationDetails');
  });

  it('reads a bucket policy only when a folder named after the call names the bucket', async () => {
    const body = JSON.stringify({ Policy: secret });
    const loose = await fixture('policy.json', body);
    expect(await reasonFor(loose, { accountId: account })).toBe(
      'does not look like the output of an API lateral reads (top-level keys: Policy); if it ' +
        'is one, name the file after its call, e.g. ec2.DescribeInstances.json',
    );
    const named = await fixture('get-bucket-policy.json', body);
    expect(await reasonFor(named, { accountId: account })).toBe(
      'holds s3:GetBucketPolicy output, which does not say which resource it is for: put it in ' +
        'a folder named s3.GetBucketPolicy and name the file <resource>.json',
    );
    const placed = await fixture('s3.GetBucketPolicy/my%2Dlogs.json', body);
    const inventory = await discoverEvidence([placed], { accountId: account });
    expect(inventory.loaded[0]?.documents[0]).toMatchObject({
      api: 's3:GetBucketPolicy',
      accountId: account,
      region: 'global',
      resourceId: 'my-logs',
    });
  });

  it('names a JSON object of unknown shape, listing only plain key names', async () => {
    const path = await fixture('unknown.json', JSON.stringify({ Widgets: [secret], [secret]: 1 }));
    expect(await reasonFor(path)).toBe(
      'does not look like the output of an API lateral reads (top-level keys: Widgets and 1 ' +
        'other(s)); if it is one, name the file after its call, e.g. ec2.DescribeInstances.json',
    );
  });

  it('names a top-level array', async () => {
    const path = await fixture('records.json', JSON.stringify([{ eventName: secret }]));
    expect(await reasonFor(path)).toBe(
      'holds a JSON array at the top level, not the output of one aws CLI call (an object)',
    );
  });

  it('names the keys of several APIs when a file has them all', async () => {
    const path = await fixture('both.json', JSON.stringify({ Vpcs: [], Subnets: [] }));
    expect(await reasonFor(path)).toBe(
      'has the top-level keys of several APIs (ec2:DescribeVpcs, ec2:DescribeSubnets): name the ' +
        'file after its call, e.g. ec2.DescribeInstances.json',
    );
  });

  it('trusts a name that says which call, covered or not', async () => {
    const created = await fixture(
      'iam.CreateRole_1.json',
      JSON.stringify({ Role: { Arn: secret } }),
    );
    expect(await reasonFor(created)).toBe('iam.CreateRole is not an API lateral reads');
    const mislabeled = await fixture('ec2.DescribeVpcs.json', JSON.stringify({ Subnets: [] }));
    expect(await reasonFor(mislabeled)).toBe(
      'is named like ec2:DescribeVpcs output but lacks its top-level key(s) Vpcs (top-level ' +
        'keys: Subnets)',
    );
  });

  it('asks which account when the items name several', async () => {
    const body = {
      SecurityGroups: [
        {
          GroupId: 'sg-1',
          OwnerId: '111111111111',
          SecurityGroupArn: 'arn:aws:ec2:us-east-1:111111111111:security-group/sg-1',
        },
        { GroupId: 'sg-2', OwnerId: '222222222222' },
      ],
    };
    const path = await fixture('groups.json', JSON.stringify(body));
    expect(await reasonFor(path)).toBe(
      'it lists resources of 2 accounts (111111111111, 222222222222): pass --account with the ' +
        'one that made the call',
    );
    const chosen = await discoverEvidence([path], {
      accountId: '222222222222',
      region: 'us-east-1',
    });
    expect(chosen.loaded[0]?.documents[0]?.accountId).toBe('222222222222');
  });

  it('skips empty, truncated, non-JSON and non-UTF-8 files, naming the problem', async () => {
    const cases: [string, string | Buffer, RegExp][] = [
      ['empty.json', '', /^is empty: there is no API response in it$/],
      ['cut.json', `{"Vpcs": [{"VpcId": "${secret}`, /^is truncated or malformed JSON at byte \d+/],
      ['page.json', `<html>${secret}</html>`, /^is not JSON: no JSON value starts at byte 0/],
      ['latin1.json', Buffer.from(`{"Name": "caf\xe9 ${secret}"}`, 'latin1'), /^is not UTF-8 text/],
      ['deep.json', '['.repeat(1_000_000), /^nests arrays and objects more than 100 levels deep/],
    ];
    for (const [name, content, expected] of cases) {
      const path = await fixture(name, content);
      expect(await reasonFor(path), name).toMatch(expected);
    }
  });

  it('skips a path that does not exist', async () => {
    const path = join(folder, 'nowhere');
    const inventory = await discoverEvidence([path]);
    expect(inventory.skipped).toEqual([{ path, reason: 'does not exist: check the path' }]);
  });
});

describe('discoverEvidence on plain folders', () => {
  it('says a folder holds no evidence, beside the reason for each file', async () => {
    await fixture('notes/README.txt', 'incident notes');
    await fixture('notes/table.json', JSON.stringify({ rows: [secret] }));
    const inventory = await discoverEvidence([folder]);
    expect(inventory.files).toEqual([]);
    expect(inventory.loaded).toEqual([]);
    expect(inventory.skipped).toEqual([
      {
        path: join(folder, 'notes/README.txt'),
        reason: 'is not a .json or .json.gz file: lateral reads aws CLI JSON output',
      },
      {
        path: join(folder, 'notes/table.json'),
        reason:
          'does not look like the output of an API lateral reads (top-level keys: rows); if it ' +
          'is one, name the file after its call, e.g. ec2.DescribeInstances.json',
      },
      { path: folder, reason: noEvidenceReason },
    ]);
  });

  it('reads aws CLI output sorted into region folders as loose files of that region', async () => {
    const path = await fixture('case/eu-central-1/describe-vpcs.json', '{"Vpcs": []}');
    const inventory = await discoverEvidence([join(folder, 'case')], { accountId: account });
    expect(inventory.files).toEqual([]);
    expect(inventory.loaded[0]?.documents[0]).toMatchObject({
      api: 'ec2:DescribeVpcs',
      accountId: account,
      region: 'eu-central-1',
      source: path,
    });
  });

  it('does not follow symbolic links', async () => {
    const outside = await mkdtemp(join(tmpdir(), 'lateral-outside-'));
    try {
      await writeFile(join(outside, 'ec2.DescribeVpcs.json'), '{"Vpcs": []}');
      await symlink(outside, join(folder, 'linked'));
      const inventory = await discoverEvidence([folder]);
      expect(inventory.skipped[0]).toEqual({
        path: join(folder, 'linked'),
        reason: 'is a symbolic link: not followed',
      });
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it('stops at the file cap and says so', async () => {
    for (const name of ['a.json', 'b.json', 'c.json']) await fixture(name, '{"Vpcs": []}');
    const inventory = await discoverEvidence(
      [folder],
      { region: 'us-east-1', accountId: account },
      {
        walk: { maxFiles: 2 },
      },
    );
    expect(inventory.loaded).toHaveLength(2);
    expect(inventory.skipped).toEqual([
      {
        path: folder,
        reason: 'holds more than 2 files: only the first 2 were read; name a narrower folder',
      },
    ]);
  });
});
