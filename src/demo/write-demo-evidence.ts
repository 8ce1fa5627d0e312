import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EvidenceFolderWriter } from '../evidence/evidence-folder-writer.js';
import { manifestFileName, type Manifest } from '../evidence/manifest.js';
import { lateralVersion } from '../version.js';
import { callerIdentity } from './build-accounts.js';
import type { BuiltInstance } from './build-instances.js';
import {
  demoAccountIds,
  demoAccounts,
  demoCollectedAt,
  demoOrganizationId,
  demoRegions,
} from './demo-accounts.js';
import { demoBuckets } from './demo-buckets.js';
import { demoDatabases, demoInstances, demoLambdas } from './demo-compute-plan.js';
import { demoIdentities } from './demo-iam-plan.js';
import { demoIds, demoSeed, findSubnet, findVpc } from './demo-ids.js';
import { demoPeerings, demoVpcs } from './demo-network-plan.js';
import type { OrganizationPlan } from './demo-plan.js';
import { EvidenceBook } from './evidence-book.js';
import { buildOrganization, writeAccountEvidence } from './write-account-evidence.js';
import { IpAllocator } from './ip-allocator.js';

/** The demo organization, as a plan. */
export const demoOrganization: OrganizationPlan = {
  organizationId: demoOrganizationId,
  managementAccountId: demoAccountIds.management,
  accounts: demoAccounts,
  regions: demoRegions,
  vpcs: demoVpcs,
  peerings: demoPeerings,
  instances: demoInstances,
  lambdas: demoLambdas,
  databases: demoDatabases,
  identities: demoIdentities,
  buckets: demoBuckets,
  spareKeyPairs: {
    [`${demoAccountIds.dev}/us-east-1`]: ['alice-laptop', 'render-farm-2022'],
    [`${demoAccountIds.marketing}/eu-west-1`]: ['agency-contractor'],
  },
};

/** What the demo holds, for tests, the README and `lateral demo`'s output. */
export interface DemoFacts {
  folder: string;
  organizationId: string;
  managementAccountId: string;
  accounts: { id: string; name: string }[];
  regions: string[];
  /** The compromised host the demo's story starts from. */
  compromisedHost: {
    name: string;
    instanceId: string;
    arn: string;
    accountId: string;
    region: string;
    vpcId: string;
    subnetId: string;
    privateIp: string;
    publicIp: string;
    elasticIpAllocationId: string;
    instanceProfileArn: string;
    roleName: string;
    roleArn: string;
  };
  /** Others that run as the compromised host's role. */
  sameRole: { instanceName: string; instanceId: string; lambdaArn: string };
  peerings: { id: string; name: string; requesterVpcId: string; accepterVpcId: string }[];
  /** How many evidence files were written. */
  fileCount: number;
}

const startedAt = new Date(demoCollectedAt.getTime() - 4 * 60_000);

function demoFacts(
  folder: string,
  plan: OrganizationPlan,
  built: BuiltInstance[],
  fileCount: number,
): DemoFacts {
  const hostPlan = plan.instances[0] ?? { name: '', vpc: '', subnet: '' };
  const host = built.find((item) => item.name === 'render-node-07');
  const sibling = built.find((item) => item.name === 'render-node-08');
  if (
    host === undefined ||
    sibling === undefined ||
    host.publicIp === null ||
    host.elasticAllocationId === null
  ) {
    throw new Error('demo plan: the compromised render nodes are missing');
  }
  const vpc = findVpc(plan.vpcs, hostPlan.vpc);
  const hostProfile = plan.instances[0]?.profile ?? '';
  const iamPrefix = `arn:aws:iam::${host.accountId}`;
  const lambda = plan.lambdas.find((item) => item.role === 'RenderRole-dev');
  if (lambda === undefined) throw new Error('demo plan: no function runs as RenderRole-dev');
  return {
    folder,
    organizationId: plan.organizationId,
    managementAccountId: plan.managementAccountId,
    accounts: plan.accounts.map((account) => ({ id: account.id, name: account.name })),
    regions: plan.regions,
    compromisedHost: {
      name: host.name,
      instanceId: host.instanceId,
      arn: `arn:aws:ec2:${host.region}:${host.accountId}:instance/${host.instanceId}`,
      accountId: host.accountId,
      region: host.region,
      vpcId: demoIds.vpc(vpc.key),
      subnetId: demoIds.subnet(vpc.key, findSubnet(vpc, hostPlan.subnet)),
      privateIp: host.privateIp,
      publicIp: host.publicIp,
      elasticIpAllocationId: host.elasticAllocationId,
      instanceProfileArn: `${iamPrefix}:instance-profile/${hostProfile}`,
      roleName: 'RenderRole-dev',
      roleArn: `arn:aws:iam::${host.accountId}:role/RenderRole-dev`,
    },
    sameRole: {
      instanceName: sibling.name,
      instanceId: sibling.instanceId,
      lambdaArn: `arn:aws:lambda:${lambda.region}:${lambda.accountId}:function:${lambda.name}`,
    },
    peerings: plan.peerings.map((peering) => ({
      id: demoIds.peering(peering.key),
      name: peering.name,
      requesterVpcId: demoIds.vpc(peering.requesterVpc),
      accepterVpcId: demoIds.vpc(peering.accepterVpc),
    })),
    fileCount,
  };
}

/**
 * Writes the demo organization as a lateral evidence folder: the same bytes on every run (fixed
 * seed and collection time), so importing it twice is recognized as the same evidence.
 */
export async function writeDemoEvidence(folder: string): Promise<DemoFacts> {
  const plan = demoOrganization;
  const book = new EvidenceBook();
  const built = buildOrganization(plan, book, new IpAllocator(demoSeed));

  const writer = new EvidenceFolderWriter({
    folder,
    toolVersion: lateralVersion,
    callerIdentity: callerIdentity(plan, plan.managementAccountId),
    startedAt,
  });
  for (const account of plan.accounts) {
    await writeAccountEvidence(writer, plan, book, account.id, {
      startedAt,
      endedAt: demoCollectedAt,
    });
  }
  const manifest: Manifest = writer.manifest(true, demoCollectedAt);
  // The writer stamps its own manifest with the current time; the demo's must not change.
  await mkdir(folder, { recursive: true });
  const target = join(folder, manifestFileName);
  await writeFile(`${target}.partial`, `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(`${target}.partial`, target);
  return demoFacts(folder, plan, built, manifest.files.length);
}
