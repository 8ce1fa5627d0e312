import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findApiSpec } from '../../src/evidence/api-catalog.js';
import { importEvidence } from '../../src/import/import-evidence.js';
import { NoEvidenceError, type ImportReport } from '../../src/import/import-report.js';
import { tableRegistry } from '../../src/schema/table-registry.js';
import type { Store } from '../../src/store/store.js';
import { hasSharedData, sharedDataPath, sharedDataSkipNote } from '../shared-data.js';
import { storeBackends, type StoreFixture } from '../store-backends.js';

if (!hasSharedData) console.warn(sharedDataSkipNote);

/** `ec2.DescribeInstances_1.json` → `ec2:DescribeInstances`: the capture names its call. */
function apiOfCaptureName(file: string): string {
  const [service, rest] = basename(file).split('.') as [string, string];
  return `${service}:${rest.replace(/_\d+$/, '')}`;
}

async function captureFiles(): Promise<string[]> {
  const root = sharedDataPath('aws-api-captures');
  const files: string[] = [];
  for (const folder of await readdir(root)) {
    for (const file of await readdir(join(root, folder))) files.push(join(root, folder, file));
  }
  return files.sort();
}

const needsFlags = /pass --account|pass --region/;

/** Imports one file, adding --account or --region whenever the message asks, as a user would. */
async function importTellingWhatIsAsked(
  store: Store,
  file: string,
  firstReason: string,
): Promise<ImportReport> {
  const options: { accountId?: string; region?: string } = {};
  let reason = firstReason;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (/pass --account/.test(reason)) options.accountId = '644160558196';
    if (/pass --region/.test(reason)) options.region = 'us-east-1';
    try {
      return await importEvidence(store, [file], options);
    } catch (error) {
      if (!(error instanceof NoEvidenceError)) throw error;
      reason = error.skipped.map((skip) => skip.reason).join('\n');
    }
  }
  throw new Error(`${file} still cannot be imported: ${reason}`);
}

describe.skipIf(!hasSharedData).each(storeBackends())('real evidence files on $kind', (backend) => {
  let fixture: StoreFixture;
  let store: Store;

  beforeAll(async () => {
    fixture = await backend.createFixture();
    store = await fixture.open(tableRegistry);
  });
  afterAll(async () => {
    await store.close();
    await fixture.dispose();
  });

  it('imports every capture of a covered API, and names the reason for every other', async () => {
    const files = await captureFiles();
    const covered = files.filter((file) => findApiSpec(apiOfCaptureName(file)) !== undefined);
    expect(covered.length).toBeGreaterThan(30);

    const report = await importEvidence(store, [sharedDataPath('aws-api-captures')]);
    const skippedPaths = new Set(report.skipped.map((skip) => skip.path));
    for (const skip of report.skipped) {
      const coveredFile = covered.includes(skip.path);
      expect(skip.reason, skip.path).toMatch(coveredFile ? needsFlags : /not an API lateral reads/);
    }
    for (const file of files.filter((candidate) => !covered.includes(candidate))) {
      expect(skippedPaths.has(file), `${file} should be skipped by name`).toBe(true);
    }

    // What the files cannot tell, the user says with --account and --region.
    for (const skip of report.skipped.filter((candidate) => covered.includes(candidate.path))) {
      const again = await importTellingWhatIsAsked(store, skip.path, skip.reason);
      expect(again.skipped, skip.path).toEqual([]);
      expect(again.sourceCount, skip.path).toBe(1);
    }
  });

  it('imports both cloudsplaining authorization details files', async () => {
    const names = ['example-authz-details.json', 'example_authz_v2.json'];
    const files = names.map((name) => sharedDataPath('cloudsplaining/test/files', name));
    const report = await importEvidence(store, files);
    expect(report.skipped).toEqual([]);
    expect(report.sourceCount).toBe(2);
    const roles = await store.readOnlyQuery(
      "select count(*)::int as n from aws_iam_role where account_id = '012345678901'",
    );
    expect(roles.rows[0]?.['n']).toBeGreaterThanOrEqual(3);
  });
});
