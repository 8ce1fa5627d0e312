import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discoverEvidence } from './discover-evidence.js';
import { EvidenceError } from './evidence-error.js';
import { EvidenceFolderWriter } from './evidence-folder-writer.js';
import { readEvidenceFile } from './read-evidence-file.js';

const account = '111122223333';
const secret = 'do-not-echo-this-bucket-policy-text';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'lateral-folder-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** An evidence folder as `lateral collect` writes it, through the real writer. */
async function collect(complete: boolean): Promise<EvidenceFolderWriter> {
  const identity = { Account: account, Arn: `arn:aws:iam::${account}:user/ir`, UserId: 'AIDAX' };
  const writer = new EvidenceFolderWriter({
    folder,
    toolVersion: '0.1.0',
    callerIdentity: identity,
  });
  writer.recordAccount({
    accountId: account,
    name: 'production',
    callerIdentity: identity,
    regions: ['eu-west-1'],
  });
  await writer.writeDocument(account, 'global', 'sts:GetCallerIdentity', identity);
  await writer.writeDocument(account, 'eu-west-1', 'ec2:DescribeVpcs', {
    Vpcs: [{ VpcId: 'vpc-1', OwnerId: account }],
  });
  await writer.writeDocument(
    account,
    'global',
    's3:GetBucketPolicy',
    { Policy: secret },
    { resourceId: 'logs/bucket' },
  );
  writer.recordFailure({
    accountId: account,
    region: 'eu-west-1',
    service: 'ec2',
    api: 'ec2:DescribeInstances',
    errorCode: 'UnauthorizedOperation',
    message: 'explicit deny in a service control policy',
  });
  await writer.writeManifest(complete);
  return writer;
}

async function editManifest(edit: (manifest: Record<string, unknown>) => void): Promise<void> {
  const path = join(folder, 'manifest.json');
  const manifest = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  edit(manifest);
  await writeFile(path, JSON.stringify(manifest));
}

const vpcsPath = () => join(folder, `accounts/${account}/eu-west-1/ec2.DescribeVpcs.json`);

describe("lateral's evidence folder", () => {
  it('lists every file with the hash and size on disk, and the failures as gaps', async () => {
    await collect(true);
    const inventory = await discoverEvidence([folder]);
    expect(inventory.skipped).toEqual([]);
    expect(inventory.files.map((ref) => [ref.api, ref.region, ref.resourceId])).toEqual([
      ['sts:GetCallerIdentity', 'global', undefined],
      ['ec2:DescribeVpcs', 'eu-west-1', undefined],
      ['s3:GetBucketPolicy', 'global', 'logs/bucket'],
    ]);
    for (const ref of inventory.files) {
      const bytes = await readFile(ref.path);
      expect(ref.expectedSha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(ref.expectedBytes).toBe(bytes.length);
      const file = await readEvidenceFile(ref);
      expect(file.source).toEqual({
        path: ref.path,
        sha256: ref.expectedSha256,
        bytes: bytes.length,
        layout: 'lateral',
      });
    }
    expect(inventory.files[2]?.path).toBe(
      join(folder, `accounts/${account}/global/s3.GetBucketPolicy/logs%2Fbucket.json`),
    );
    expect(inventory.gaps).toEqual([
      {
        accountId: account,
        region: 'eu-west-1',
        service: 'ec2',
        api: 'ec2:DescribeInstances',
        errorCode: 'UnauthorizedOperation',
        message: 'explicit deny in a service control policy',
        source: join(folder, 'manifest.json'),
      },
    ]);
    expect(inventory.accountNames).toEqual(new Map([[account, 'production']]));
  });

  it('records an interrupted collection as a gap', async () => {
    await collect(false);
    const inventory = await discoverEvidence([folder]);
    expect(inventory.gaps).toContainEqual({
      accountId: null,
      region: null,
      service: null,
      api: null,
      errorCode: 'CollectionInterrupted',
      message:
        'collection was interrupted (the manifest says complete: false): what it lists is ' +
        'whole, anything it does not list was not collected',
      source: join(folder, 'manifest.json'),
    });
    expect(inventory.files).toHaveLength(3);
  });

  it('rejects a file changed since collection, without echoing it', async () => {
    await collect(true);
    const policyRef = (await discoverEvidence([folder])).files[2];
    if (policyRef === undefined) throw new Error('the policy file was not listed');
    const original = await readFile(policyRef.path, 'utf8');
    // Same size, different bytes: only the hash can tell.
    await writeFile(policyRef.path, original.replace('do-not', 'DO-NOT'));
    const error = await readEvidenceFile(policyRef).catch((rejection: unknown) => rejection);
    expect(error).toBeInstanceOf(EvidenceError);
    expect((error as EvidenceError).message).toBe(
      `${policyRef.path}: changed since it was collected: its sha256 does not match the ` +
        'manifest; use the evidence folder as collected, or collect again',
    );
    await writeFile(policyRef.path, `${original}\n`);
    const sizeError = await readEvidenceFile(policyRef).catch((rejection: unknown) => rejection);
    expect((sizeError as EvidenceError).problem).toBe(
      `changed since it was collected: it is ${original.length + 1} bytes, the manifest says ` +
        `${original.length}; use the evidence folder as collected, or collect again`,
    );
    expect((sizeError as EvidenceError).message).not.toContain(secret);
  });

  it('rejects a manifest whose sha256 is wrong for a file', async () => {
    await collect(true);
    await editManifest((manifest) => {
      const files = manifest.files as { sha256: string }[];
      if (files[1] !== undefined) files[1].sha256 = '0'.repeat(64);
    });
    const ref = (await discoverEvidence([folder])).files[1];
    if (ref === undefined) throw new Error('the VPC file was not listed');
    await expect(readEvidenceFile(ref)).rejects.toThrow(
      `${vpcsPath()}: changed since it was collected: its sha256 does not match the manifest`,
    );
  });

  it('skips a listed file that is missing, and one that is not listed', async () => {
    await collect(true);
    await unlink(vpcsPath());
    const stray = join(folder, `accounts/${account}/eu-west-1/ec2.DescribeInstances.json`);
    await writeFile(stray, '{"Reservations": []}');
    const leftover = join(folder, 'manifest.json.partial');
    await writeFile(leftover, '{');
    const inventory = await discoverEvidence([folder]);
    expect(inventory.files.map((ref) => ref.api)).toEqual([
      'sts:GetCallerIdentity',
      's3:GetBucketPolicy',
    ]);
    expect(inventory.skipped).toEqual([
      {
        path: vpcsPath(),
        reason:
          'is listed in the manifest but missing: the folder is incomplete; copy the whole ' +
          'evidence folder, or collect again',
      },
      {
        path: stray,
        reason:
          'is in the evidence folder but not listed in its manifest: not read (it was not part ' +
          'of the collection, or was added after it)',
      },
      { path: leftover, reason: 'was left by an interrupted write: not read' },
    ]);
  });

  it('skips the whole folder when the manifest is not valid, saying where', async () => {
    await collect(true);
    await editManifest((manifest) => {
      const files = manifest.files as { bytes: unknown }[];
      if (files[0] !== undefined) files[0].bytes = 'many';
    });
    const inventory = await discoverEvidence([folder]);
    expect(inventory.files).toEqual([]);
    expect(inventory.skipped).toEqual([
      {
        path: join(folder, 'manifest.json'),
        reason:
          'at $.files[0].bytes: expected number, found a string; the whole evidence folder ' +
          'was skipped',
      },
    ]);
  });

  it('skips the whole folder when the manifest is truncated', async () => {
    await collect(true);
    const path = join(folder, 'manifest.json');
    const text = await readFile(path, 'utf8');
    await writeFile(path, text.slice(0, 100));
    const [skip] = (await discoverEvidence([folder])).skipped;
    expect(skip?.path).toBe(path);
    expect(skip?.reason).toMatch(
      /^is truncated or malformed JSON at byte 100 \(line \d+, column \d+\): .*; the whole/,
    );
  });

  it('never opens a path outside the folder, nor an API it does not read', async () => {
    await collect(true);
    await editManifest((manifest) => {
      const files = manifest.files as { path: string; api: string }[];
      if (files[0] !== undefined) files[0].path = '../../etc/passwd';
      if (files[1] !== undefined) files[1].api = 'ec2:DeleteVpc';
    });
    const inventory = await discoverEvidence([folder]);
    expect(inventory.files.map((ref) => ref.api)).toEqual(['s3:GetBucketPolicy']);
    expect(inventory.skipped.map((skip) => skip.reason)).toEqual([
      'is listed in the manifest with a path that leaves the evidence folder: not read',
      'is listed as ec2:DeleteVpc, which is not an API lateral reads',
      'is in the evidence folder but not listed in its manifest: not read (it was not part of ' +
        'the collection, or was added after it)',
      'is in the evidence folder but not listed in its manifest: not read (it was not part of ' +
        'the collection, or was added after it)',
    ]);
  });
});
