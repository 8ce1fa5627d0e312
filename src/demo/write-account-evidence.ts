import type { EvidenceFolderWriter } from '../evidence/evidence-folder-writer.js';
import {
  bucketLocation,
  callerIdentity,
  describeOrganization,
  describeRegions,
  listAccounts,
  listBuckets,
} from './build-accounts.js';
import { authorizationDetails } from './build-iam.js';
import { buildInstances, type BuiltInstance } from './build-instances.js';
import { buildNetwork, buildSubnets, type BuildContext } from './build-network.js';
import { buildServerless } from './build-serverless.js';
import type { OrganizationPlan } from './demo-plan.js';
import type { EvidenceBook } from './evidence-book.js';
import type { IpAllocator } from './ip-allocator.js';

/** Builds every response of the plan into the book; returns the instances it placed. */
export function buildOrganization(
  plan: OrganizationPlan,
  book: EvidenceBook,
  ips: IpAllocator,
): BuiltInstance[] {
  const context: BuildContext = { plan, book, ips };
  buildNetwork(context);
  const built = buildInstances(context);
  buildServerless(context);
  // Subnets last: their free address counts depend on every address handed out.
  buildSubnets(context);
  return built;
}

/**
 * Writes one account of a built organization: its global responses (identity, IAM,
 * Organizations for the management account, S3, regions), then every region's responses, and
 * records the account in the manifest.
 */
export async function writeAccountEvidence(
  writer: EvidenceFolderWriter,
  plan: OrganizationPlan,
  book: EvidenceBook,
  accountId: string,
  times: { startedAt: Date; endedAt: Date },
): Promise<void> {
  const write = (
    region: string,
    api: Parameters<EvidenceFolderWriter['writeDocument']>[2],
    body: unknown,
    resourceId?: string,
  ) =>
    writer.writeDocument(accountId, region, api, body, {
      pages: 1,
      ...(resourceId === undefined ? {} : { resourceId }),
    });
  const account = plan.accounts.find((item) => item.id === accountId);
  const identity = plan.identities.find((item) => item.accountId === accountId);
  if (account === undefined || identity === undefined) {
    throw new Error(`demo plan: account ${accountId} is incomplete`);
  }
  await write('global', 'sts:GetCallerIdentity', callerIdentity(plan, accountId));
  await write('global', 'iam:GetAccountAuthorizationDetails', authorizationDetails(identity));
  await write('global', 'iam:ListAccountAliases', { AccountAliases: [account.alias] });
  if (accountId === plan.managementAccountId) {
    await write('global', 'organizations:ListAccounts', listAccounts(plan));
    await write('global', 'organizations:DescribeOrganization', describeOrganization(plan));
  }
  const buckets = plan.buckets.filter((bucket) => bucket.accountId === accountId);
  await write('global', 's3:ListBuckets', listBuckets(accountId, buckets));
  for (const bucket of buckets) {
    await write('global', 's3:GetBucketLocation', bucketLocation(bucket), bucket.name);
    if (bucket.policy !== undefined) {
      await write(
        'global',
        's3:GetBucketPolicy',
        { Policy: JSON.stringify(bucket.policy) },
        bucket.name,
      );
    }
  }
  await write('global', 'ec2:DescribeRegions', describeRegions());
  for (const region of plan.regions) {
    for (const response of book.region(accountId, region).responses()) {
      await write(region, response.api, response.body);
    }
  }
  writer.recordAccount({
    accountId,
    name: account.name,
    callerIdentity: callerIdentity(plan, accountId),
    regions: plan.regions,
    startedAt: times.startedAt.toISOString(),
    endedAt: times.endedAt.toISOString(),
  });
}
