import type { EvidenceFolderWriter } from '../evidence/evidence-folder-writer.js';
import type { ManifestAccount } from '../evidence/manifest.js';
import {
  accountAliasesCall,
  authorizationDetailsCall,
  bucketLocationCall,
  bucketPolicyCall,
  callerIdentityCall,
  describeOrganizationCall,
  describeRegionsCall,
  iamFallbackCalls,
  listAccountsCall,
  listBucketsCall,
  regionalCalls,
  type ApiCall,
} from './api-plan.js';
import type { CliOutput } from './aws-output.js';
import type { AccountClients, ServiceName } from './aws-clients.js';
import { errorCode } from './call-failure.js';
import type { CallRunner, CallSite, CollectCallOptions } from './call-runner.js';
import type { CollectTally } from './collect-tally.js';
import { redactLambdaEnvironment, redactUserData } from './redaction.js';
import { settleAll } from './settle-all.js';

/** What the collection of one account needs to know. */
export interface AccountCollectionContext {
  runner: CallRunner;
  writer: EvidenceFolderWriter;
  tally: CollectTally;
  clients: AccountClients;
  homeRegion: string;
  /** Explicit regions, or every region enabled in the account. */
  regions: readonly string[] | 'enabled';
  services: ReadonlySet<ServiceName>;
  includeSecrets: boolean;
}

/** The account as collection found it, for the manifest. */
export interface CollectedAccount {
  accountId: string;
  callerIdentity: ManifestAccount['callerIdentity'];
  regions: string[];
}

/** Organizations ListAccounts, already read to find the accounts, for the management account. */
export interface KnownOrganizationAccounts {
  body: CliOutput;
  pages: number;
}

/**
 * Collects one account whose credentials work: its identity and regions, the global services
 * (IAM, Organizations, S3), then every regional call in every region, all at once within the
 * runner's limits. Failed calls become gaps; the rest completes.
 */
export async function collectAccount(
  context: AccountCollectionContext,
  identity: CliOutput,
  organizationAccounts?: KnownOrganizationAccounts,
): Promise<CollectedAccount> {
  const accountId = String(identity['Account']);
  const callerIdentity = {
    Account: accountId,
    Arn: String(identity['Arn']),
    UserId: String(identity['UserId']),
  };
  const { runner, homeRegion } = context;
  runner.write({ accountId, region: 'global', service: 'sts' }, callerIdentityCall, identity, 1);

  const regions = await resolveRegions(context, accountId);
  context.tally.account(accountId).regions = regions;
  const global = (service: ServiceName): CallSite => ({
    accountId,
    region: 'global',
    clientRegion: homeRegion,
    service,
    client: context.clients.client(service, homeRegion),
  });
  const work: Promise<unknown>[] = [];
  const selected = context.services;
  if (selected.has('iam')) work.push(collectIam(runner, global('iam')));
  if (selected.has('organizations')) {
    work.push(collectOrganization(context, global('organizations'), organizationAccounts));
  }
  if (selected.has('s3')) work.push(collectS3(context, global('s3')));
  for (const region of regions) {
    for (const call of regionalCalls) {
      if (!selected.has(call.service)) continue;
      const site: CallSite = {
        accountId,
        region,
        clientRegion: region,
        service: call.service,
        client: context.clients.client(call.service, region),
      };
      work.push(runner.collect(site, call, redactionFor(call, context.includeSecrets)));
    }
  }
  runner.checkInterrupted();
  await settleAll(work);
  return { accountId, callerIdentity, regions };
}

/** Reads the account's identity: the first call, which also proves the credentials work. */
export async function readCallerIdentity(runner: CallRunner, site: CallSite): Promise<CliOutput> {
  const { body } = await runner.fetchAll(site, callerIdentityCall);
  return body;
}

async function resolveRegions(
  context: AccountCollectionContext,
  accountId: string,
): Promise<string[]> {
  const site: CallSite = {
    accountId,
    region: 'global',
    clientRegion: context.homeRegion,
    service: 'ec2',
    client: context.clients.client('ec2', context.homeRegion),
  };
  const body = await context.runner.collect(site, describeRegionsCall);
  if (context.regions !== 'enabled') return [...context.regions];
  const listed = Array.isArray(body?.['Regions']) ? (body['Regions'] as unknown[]) : undefined;
  // Without the account's region list, the home region is the one region known to exist; the
  // DescribeRegions gap in the manifest says the others were not looked at.
  if (listed === undefined) return [context.homeRegion];
  return listed
    .map((region) => (region as Record<string, unknown>)['RegionName'])
    .filter((name): name is string => typeof name === 'string')
    .sort();
}

async function collectIam(runner: CallRunner, site: CallSite): Promise<void> {
  const withFallback = async () => {
    const details = await runner.collect(site, authorizationDetailsCall);
    if (details === undefined) {
      await settleAll(iamFallbackCalls.map((call) => runner.collect(site, call)));
    }
  };
  await settleAll([runner.collect(site, accountAliasesCall), withFallback()]);
}

async function collectOrganization(
  context: AccountCollectionContext,
  site: CallSite,
  known: KnownOrganizationAccounts | undefined,
): Promise<void> {
  const organization = await context.runner.collect(site, describeOrganizationCall, {
    isEmptyResult: (error) => errorCode(error) === 'AWSOrganizationsNotInUseException',
  });
  if (known !== undefined) {
    context.runner.write(site, listAccountsCall, known.body, known.pages);
    return;
  }
  const details = organization?.['Organization'] as Record<string, unknown> | undefined;
  // Only the management account may list the organization's accounts; asking from a member
  // would only add an AccessDenied gap.
  if (details?.['MasterAccountId'] === site.accountId) {
    await context.runner.collect(site, listAccountsCall);
  }
}

async function collectS3(context: AccountCollectionContext, site: CallSite): Promise<void> {
  const listing = await context.runner.collect(site, listBucketsCall);
  const buckets = Array.isArray(listing?.['Buckets']) ? (listing['Buckets'] as unknown[]) : [];
  const names = buckets
    .map((bucket) => (bucket as Record<string, unknown>)['Name'])
    .filter((name): name is string => typeof name === 'string');
  await settleAll(names.map((name) => collectBucket(context, site, name)));
}

async function collectBucket(
  context: AccountCollectionContext,
  site: CallSite,
  bucket: string,
): Promise<void> {
  const byBucket = { resourceId: bucket, input: { Bucket: bucket } };
  const location = await context.runner.collect(site, bucketLocationCall, {
    ...byBucket,
    // The SDK leaves out an empty constraint (us-east-1); the aws CLI prints it as null.
    transform: (body) => ({ LocationConstraint: null, ...body }),
  });
  const region = bucketRegion(location?.['LocationConstraint']) ?? context.homeRegion;
  const policySite: CallSite = {
    ...site,
    clientRegion: region,
    client: context.clients.client('s3', region),
  };
  await context.runner.collect(policySite, bucketPolicyCall, {
    ...byBucket,
    // A bucket without a policy is not a gap: there is nothing to collect.
    isEmptyResult: (error) => errorCode(error) === 'NoSuchBucketPolicy',
  });
}

/** GetBucketLocation's answer as a region: empty means us-east-1, `EU` the old eu-west-1. */
function bucketRegion(constraint: unknown): string | undefined {
  if (constraint === undefined) return undefined;
  if (constraint === null || constraint === '') return 'us-east-1';
  if (constraint === 'EU') return 'eu-west-1';
  return typeof constraint === 'string' ? constraint : undefined;
}

function redactionFor(call: ApiCall, includeSecrets: boolean): CollectCallOptions {
  if (includeSecrets) return {};
  if (call.api === 'lambda:ListFunctions') return { transform: redactLambdaEnvironment };
  // DescribeInstances is the one covered call whose instances an endpoint may give user data.
  if (call.api === 'ec2:DescribeInstances') {
    return { transform: (body) => redactUserData(body) as CliOutput };
  }
  return {};
}
