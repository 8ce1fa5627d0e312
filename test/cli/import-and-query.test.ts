import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasSharedData, sharedDataPath, sharedDataSkipNote } from '../shared-data.js';
import { runCli } from './run-cli.js';

if (!hasSharedData) console.warn(sharedDataSkipNote);

describe.skipIf(!hasSharedData)('import a CloudMapper folder, then query it', () => {
  let dataDir: string;
  const env = (): NodeJS.ProcessEnv => ({ LATERAL_DATA_DIR: dataDir });

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'lateral-cli-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('imports the demo account and names the files it does not read', async () => {
    const result = await runCli(['import', sharedDataPath('cloudmapper/account-data/demo')], env());
    expect(result.stderr).not.toMatch(/unexpected error/);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Imported snapshot 1:/);
    expect(result.stdout).toMatch(/aws_ec2_instance\s+3\b/);
    expect(result.stdout).toMatch(/sns-list-topics/);
  });

  it('lists the three instances with their network placement', async () => {
    const result = await runCli(
      [
        'query',
        '--output',
        'json',
        'select instance_id, vpc_id, subnet_id, private_ip_address ' +
          'from aws_ec2_instance order by instance_id',
      ],
      env(),
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      {
        instance_id: 'i-00000000000000000',
        vpc_id: 'vpc-12345678',
        subnet_id: 'subnet-00000001',
        private_ip_address: '10.0.0.1',
      },
      {
        instance_id: 'i-00000000000000001',
        vpc_id: 'vpc-12345678',
        subnet_id: 'subnet-00000003',
        private_ip_address: '10.0.2.1',
      },
      {
        instance_id: 'i-00000000000000002',
        vpc_id: 'vpc-12345678',
        subnet_id: 'subnet-00000004',
        private_ip_address: '10.0.3.1',
      },
    ]);
  });

  it('lists the four roles with their attached policies', async () => {
    const result = await runCli(
      [
        'query',
        '--output',
        'json',
        'select name, attached_policy_arns from aws_iam_role order by name',
      ],
      env(),
    );
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      {
        name: 'bad_role',
        attached_policy_arns: ['arn:aws:iam::aws:policy/service-role/AmazonEC2RoleforSSM'],
      },
      { name: 'exfiller', attached_policy_arns: [] },
      { name: 'level1', attached_policy_arns: [] },
      { name: 'level3', attached_policy_arns: [] },
    ]);
  });

  it('changes nothing when the same evidence is imported again', async () => {
    const again = await runCli(['import', sharedDataPath('cloudmapper/account-data/demo')], env());
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/already imported as snapshot 1/);
    const snapshots = await runCli(['snapshots', '--output', 'json'], env());
    expect(snapshots.code).toBe(0);
    expect(JSON.parse(snapshots.stdout)).toHaveLength(1);
  });

  it('refuses to write through query', async () => {
    const result = await runCli(['query', 'delete from aws_ec2_instance'], env());
    expect(result.code).not.toBe(0);
    const count = await runCli(
      ['query', '--output', 'json', 'select count(*)::int as n from aws_ec2_instance'],
      env(),
    );
    expect(JSON.parse(count.stdout)).toEqual([{ n: 3 }]);
  });
});
