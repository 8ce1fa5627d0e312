import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { importEvidence } from '../../src/import/import-evidence.js';
import { ImportRejectedError, NoEvidenceError } from '../../src/import/import-report.js';
import { tableRegistry } from '../../src/schema/table-registry.js';
import type { Store } from '../../src/store/store.js';
import { storeBackends, type StoreFixture } from '../store-backends.js';

const account = '111122223333';
const region = 'eu-west-1';

/** A usable file beside the bad one; each case has its own, so each import is new evidence. */
const goodVpcs = (second: number) => ({
  Vpcs: [
    {
      VpcId: `vpc-0a1b2c3d4e5f607${String(second).padStart(2, '0')}`,
      OwnerId: account,
      CidrBlock: `10.${second}.0.0/16`,
      State: 'available',
      IsDefault: false,
      Tags: [{ Key: 'Name', Value: 'good-vpc' }],
    },
  ],
});

/** Each kind of bad input, the file that holds it, and what its message must say. */
const badInputs: { kind: string; name: string; content: string; message: RegExp }[] = [
  { kind: 'an empty file', name: 'ec2.DescribeSubnets.json', content: '', message: /is empty/ },
  {
    kind: 'a truncated file',
    name: 'ec2.DescribeSubnets.json',
    content: '{"Subnets": [{"SubnetId": "subnet-1", "CidrBlock": "10.20',
    message: /truncated or malformed JSON at byte \d+/,
  },
  {
    kind: 'a file that is not JSON',
    name: 'ec2.DescribeSubnets.json',
    content: 'secret-token-value and more text',
    message: /is not JSON/,
  },
  {
    kind: 'a file of an unknown shape',
    name: 'inventory.json',
    content: '{"Widgets": [{"Id": "secret-token-value"}]}',
    message: /does not look like the output of an API lateral reads/,
  },
  {
    kind: 'a field of the wrong type',
    name: 'ec2.DescribeSubnets.json',
    content: JSON.stringify({ Subnets: [{ SubnetId: 'subnet-1', CidrBlock: 42, VpcId: 'vpc-1' }] }),
    message: /\$\.Subnets\[0\]\.CidrBlock.*expected string, found a number/,
  },
];

/** Row counts of every table of lateral's own schema: equal before and after means unchanged. */
async function storeCounts(store: Store): Promise<Record<string, number>> {
  const tables = await store.query<{ name: string }>(
    `select table_name as name from information_schema.tables
      where table_schema = 'lateral' and table_type = 'BASE TABLE' order by 1`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const result = await store.query<{ n: number }>(
      `select count(*)::int as n from "lateral"."${name}"`,
    );
    counts[name] = result.rows[0]?.n ?? -1;
  }
  return counts;
}

describe.each(storeBackends())('bad evidence on $kind', (backend) => {
  let fixture: StoreFixture;
  let store: Store;
  let folder: string;

  beforeAll(async () => {
    fixture = await backend.createFixture();
    store = await fixture.open(tableRegistry);
    folder = await mkdtemp(join(tmpdir(), 'lateral-bad-input-'));
  });
  afterAll(async () => {
    await store.close();
    await fixture.dispose();
    await rm(folder, { recursive: true, force: true });
  });

  let caseFolder: string;
  beforeEach(async () => {
    caseFolder = await mkdtemp(join(folder, 'case-'));
  });

  badInputs.forEach((bad, index) => {
    const writeGoodFile = async (): Promise<string> => {
      const goodFile = join(caseFolder, 'ec2.DescribeVpcs.json');
      await writeFile(goodFile, JSON.stringify(goodVpcs(index + 1)));
      return goodFile;
    };

    it(`--strict stops at ${bad.kind}, names it, and leaves the store unchanged`, async () => {
      const goodFile = await writeGoodFile();
      const badFile = join(caseFolder, bad.name);
      await writeFile(badFile, bad.content);
      const before = await storeCounts(store);

      const attempt = importEvidence(store, [goodFile, badFile], {
        strict: true,
        accountId: account,
        region,
      });
      const error = await attempt.then(
        () => undefined,
        (rejection: unknown) => rejection,
      );
      expect(error).toBeInstanceOf(ImportRejectedError);
      const skipped = (error as ImportRejectedError).skipped;
      expect(skipped.map((skip) => skip.path)).toEqual([badFile]);
      expect(skipped[0]?.reason).toMatch(bad.message);
      expect(skipped[0]?.reason).not.toMatch(/secret-token-value/);
      expect(await storeCounts(store)).toEqual(before);
    });

    it(`without --strict skips ${bad.kind}, records it, and imports the rest`, async () => {
      const goodFile = await writeGoodFile();
      const badFile = join(caseFolder, bad.name);
      await writeFile(badFile, bad.content);

      const report = await importEvidence(store, [goodFile, badFile], {
        accountId: account,
        region,
        label: bad.kind,
      });
      expect(report.outcome).toBe('created');
      expect(report.skipped).toHaveLength(1);
      expect(report.skipped[0]?.path).toBe(badFile);
      expect(report.skipped[0]?.reason).toMatch(bad.message);
      const recorded = await store.query<{ n: number }>(
        `select count(*)::int as n from "lateral".snapshot_skipped
          where snapshot_id = $1 and path = $2`,
        [report.snapshotId, badFile],
      );
      expect(recorded.rows[0]?.n).toBe(1);
      const vpcs = await store.readOnlyQuery(
        `select vpc_id, cidr_block::text as cidr from aws_vpc where account_id = '${account}'`,
      );
      expect(vpcs.rows).toEqual([
        {
          vpc_id: `vpc-0a1b2c3d4e5f607${String(index + 1).padStart(2, '0')}`,
          cidr: `10.${index + 1}.0.0/16`,
        },
      ]);
    });
  });

  it('keeps earlier rows visible when a later file for the same scope is unusable', async () => {
    const good = join(caseFolder, 'ec2.DescribeVpcs.json');
    await writeFile(good, JSON.stringify(goodVpcs(77)));
    await importEvidence(store, [good], { accountId: account, region });
    const bad = join(caseFolder, 'later', 'ec2.DescribeVpcs.json');
    await mkdir(join(caseFolder, 'later'));
    await writeFile(bad, JSON.stringify({ Vpcs: [{ VpcId: 5 }] }));

    const report = await importEvidence(store, [bad], { accountId: account, region });
    expect(report.skipped.map((skip) => skip.path)).toEqual([bad]);
    const vpcs = await store.readOnlyQuery(
      `select vpc_id from aws_vpc where account_id = '${account}'`,
    );
    expect(vpcs.rows).toEqual([{ vpc_id: 'vpc-0a1b2c3d4e5f60777' }]);
  });

  it('says a folder holds no evidence, and writes nothing', async () => {
    const empty = join(caseFolder, 'notes');
    await mkdir(empty);
    await writeFile(join(empty, 'README.txt'), 'not evidence');
    const before = await storeCounts(store);
    const error = await importEvidence(store, [empty]).then(
      () => undefined,
      (rejection: unknown) => rejection,
    );
    expect(error).toBeInstanceOf(NoEvidenceError);
    expect((error as Error).message).toContain(empty);
    expect(await storeCounts(store)).toEqual(before);
  });
});
