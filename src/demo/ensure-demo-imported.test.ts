import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { DemoFolderInUseError } from './demo-folder.js';
import { ensureDemoImported, type DemoImport } from './ensure-demo-imported.js';

let root: string;
let store: Store;
let first: DemoImport;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'lateral-demo-import-'));
  store = await openStore({ dataDir: join(root, 'data') });
  first = await ensureDemoImported(store, join(root, 'demo-evidence'));
});

afterAll(async () => {
  await store?.close();
  await rm(root, { recursive: true, force: true });
});

describe('the demo imported into an embedded store', () => {
  it('imports every file, skipping none', () => {
    expect(first.report.outcome).toBe('created');
    expect(first.report.skipped).toEqual([]);
    expect(first.report.gaps).toEqual([]);
    expect(first.report.accounts).toEqual([
      '210987654321',
      '310987654321',
      '410987654321',
      '510987654321',
    ]);
  });

  it('finds the compromised host and its sibling by Name, in the public subnet', async () => {
    const { rows } = await store.query<Record<string, string>>(
      `select i.instance_id, i.arn, i.iam_instance_profile_arn, s.tags ->> 'Name' as subnet
         from aws_ec2_instance i join aws_vpc_subnet s on s.subnet_id = i.subnet_id
        where i.tags ->> 'Name' in ('render-node-07', 'render-node-08')
        order by i.tags ->> 'Name'`,
    );
    expect(rows.map((row) => row['subnet'])).toEqual(['VPC-Public2-Subnet', 'VPC-Public2-Subnet']);
    expect(rows[0]?.['instance_id']).toBe(first.facts.compromisedHost.instanceId);
    expect(rows[0]?.['arn']).toBe(first.facts.compromisedHost.arn);
    expect(new Set(rows.map((row) => row['iam_instance_profile_arn'])).size).toBe(1);
  });

  it('gives RenderRole-dev its instance profile, policies and inline policy', async () => {
    const { rows } = await store.query<Record<string, unknown>>(
      `select instance_profile_arns, attached_policy_arns, inline_policies
         from aws_iam_role where name = 'RenderRole-dev'`,
    );
    expect(rows).toHaveLength(1);
    const row = rows[0] as Record<string, unknown>;
    expect(row['instance_profile_arns']).toEqual([first.facts.compromisedHost.instanceProfileArn]);
    expect(row['attached_policy_arns']).toEqual(
      expect.arrayContaining([
        'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
        'arn:aws:iam::310987654321:policy/RenderAssetsAccess',
      ]),
    );
    expect(JSON.stringify(row['inline_policies'])).toContain('render-queue-access');
  });

  it('stores both peerings as seen from the Dev account and from each peer', async () => {
    const { rows } = await store.query<{ id: string; account_id: string; status_code: string }>(
      `select id, account_id, status_code from aws_vpc_peering_connection order by id, account_id`,
    );
    const byPeering = new Map<string, string[]>();
    for (const row of rows) {
      expect(row.status_code).toBe('active');
      byPeering.set(row.id, [...(byPeering.get(row.id) ?? []), row.account_id]);
    }
    expect(Object.fromEntries(byPeering)).toEqual(
      Object.fromEntries(
        first.facts.peerings.map((peering, index) => [
          peering.id,
          ['310987654321', index === 0 ? '410987654321' : '510987654321'].sort(),
        ]),
      ),
    );
  });

  it('recognizes the same demo as already imported', async () => {
    const again = await ensureDemoImported(store, join(root, 'demo-evidence'));
    expect(again.report.outcome).toBe('unchanged');
    expect(again.report.snapshotId).toBe(first.report.snapshotId);
  });

  it('refuses a folder holding something else unless forced', async () => {
    const other = join(root, 'other');
    await rm(other, { recursive: true, force: true });
    await mkdir(other);
    await writeFile(join(other, 'notes.txt'), 'not evidence');
    await expect(ensureDemoImported(store, other)).rejects.toBeInstanceOf(DemoFolderInUseError);
    const forced = await ensureDemoImported(store, other, { force: true });
    expect(forced.report.snapshotId).toBe(first.report.snapshotId);
  });
});
