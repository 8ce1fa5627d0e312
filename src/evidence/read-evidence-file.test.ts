import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvidenceFileRef } from './evidence-inventory.js';
import { readEvidenceFile } from './read-evidence-file.js';

let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'lateral-read-evidence-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function refTo(name: string, content: string): Promise<EvidenceFileRef> {
  const path = join(folder, name);
  await writeFile(path, content);
  return {
    path,
    layout: 'cloudmapper',
    accountId: '123456789012',
    region: 'us-east-1',
    api: 'ec2:DescribeInstances',
  };
}

describe('readEvidenceFile', () => {
  it('returns the document with the account, region and API the ref names', async () => {
    const ref = await refTo('ec2-describe-instances.json', '{"Reservations": []}');
    const file = await readEvidenceFile(ref);
    expect(file.documents).toEqual([
      {
        api: 'ec2:DescribeInstances',
        accountId: '123456789012',
        region: 'us-east-1',
        body: { Reservations: [] },
        source: ref.path,
      },
    ]);
    expect(file.source.bytes).toBe(20);
  });

  it('refuses a file without the top-level keys of its API', async () => {
    const ref = await refTo('wrong.json', '{"Vpcs": [{"VpcId": "vpc-secret"}]}');
    await expect(readEvidenceFile(ref)).rejects.toThrow(
      `${ref.path}: is not ec2:DescribeInstances output: ` +
        'it lacks the top-level key(s) Reservations',
    );
  });

  it('refuses a top-level array', async () => {
    const ref = await refTo('array.json', '[{"Reservations": []}]');
    await expect(readEvidenceFile(ref)).rejects.toThrow(
      `${ref.path}: holds a JSON array at the top level, ` +
        'not ec2:DescribeInstances output (an object)',
    );
  });
});
