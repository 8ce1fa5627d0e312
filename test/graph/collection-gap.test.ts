import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EvidenceFolderWriter } from '../../src/evidence/evidence-folder-writer.js';
import { createGraphReader } from '../../src/graph/graph-reader.js';
import { importEvidence } from '../../src/import/import-evidence.js';
import { tableRegistry } from '../../src/schema/table-registry.js';
import { createServer } from '../../src/server/create-server.js';
import type { Store } from '../../src/store/store.js';
import { storeBackends, type StoreFixture } from '../store-backends.js';

const account = '222233334444';
const instanceArn = `arn:aws:ec2:eu-west-1:${account}:instance/i-0123456789abcdef0`;

/** An evidence folder as collection writes it when one call was denied. */
async function writeCollectionWithGap(folder: string): Promise<void> {
  const identity = { Account: account, Arn: `arn:aws:iam::${account}:user/ir`, UserId: 'AIDA1' };
  const writer = new EvidenceFolderWriter({
    folder,
    toolVersion: '0.1.0',
    callerIdentity: identity,
  });
  await writer.writeDocument(account, 'global', 'sts:GetCallerIdentity', identity);
  await writer.writeDocument(account, 'eu-west-1', 'ec2:DescribeInstances', {
    Reservations: [
      {
        OwnerId: account,
        Instances: [
          {
            InstanceId: 'i-0123456789abcdef0',
            State: { Code: 16, Name: 'running' },
            Placement: { AvailabilityZone: 'eu-west-1a' },
            PrivateIpAddress: '10.1.2.3',
            SubnetId: 'subnet-0aa',
            VpcId: 'vpc-0bb',
            Tags: [{ Key: 'Name', Value: 'web-1' }],
          },
        ],
      },
    ],
  });
  writer.recordFailure({
    accountId: account,
    region: 'global',
    service: 'iam',
    api: 'iam:GetAccountAuthorizationDetails',
    errorCode: 'AccessDenied',
    message: 'not authorized to perform iam:GetAccountAuthorizationDetails',
  });
  writer.recordAccount({ accountId: account, callerIdentity: identity, regions: ['eu-west-1'] });
  await writer.writeManifest(true);
}

describe.each(storeBackends())('a gap recorded by collection, on $kind', (backend) => {
  let fixture: StoreFixture;
  let store: Store;
  let folder: string;

  beforeAll(async () => {
    fixture = await backend.createFixture();
    store = await fixture.open(tableRegistry);
    folder = await mkdtemp(join(tmpdir(), 'lateral-gap-'));
    await writeCollectionWithGap(folder);
    await importEvidence(store, [folder]);
  });
  afterAll(async () => {
    await store.close();
    await fixture.dispose();
    await rm(folder, { recursive: true, force: true });
  });

  it("shows on a resource's page in that account, as the dashboard API serves it", async () => {
    const server = createServer({
      store,
      reader: createGraphReader(store),
      host: '127.0.0.1',
      port: 0,
    });
    const response = await server.app.request(
      `/api/resource?key=${encodeURIComponent(instanceArn)}`,
      {
        headers: { host: '127.0.0.1:0' },
      },
    );
    expect(response.status).toBe(200);
    const detail = (await response.json()) as { coverage: { message: string }[] };
    const messages = detail.coverage.map((note) => note.message);
    expect(messages).toContainEqual(
      expect.stringMatching(/iam:GetAccountAuthorizationDetails .*not collected \(AccessDenied\)/),
    );
  });
});
