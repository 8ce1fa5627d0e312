import { hexText } from './aws-ids.js';
import { demoCollectedAt } from './demo-accounts.js';
import { demoIds, demoSeed } from './demo-ids.js';
import type { AccountPlan, BucketPlan, OrganizationPlan } from './demo-plan.js';
import type { AwsObject } from './evidence-book.js';

/** The regions every account has enabled (those that need no opt-in). */
const enabledRegions = [
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-south-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ca-central-1',
  'eu-central-1',
  'eu-north-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'sa-east-1',
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
];

export function describeRegions(): AwsObject {
  return {
    Regions: enabledRegions.map((name) => ({
      Endpoint: `ec2.${name}.amazonaws.com`,
      RegionName: name,
      OptInStatus: 'opt-in-not-required',
    })),
  };
}

/** `sts get-caller-identity` of the responder in one account. */
export function callerIdentity(
  plan: OrganizationPlan,
  accountId: string,
): { UserId: string; Account: string; Arn: string } {
  const management = accountId === plan.managementAccountId;
  const role = management ? 'IncidentResponder' : 'OrganizationAccountAccessRole';
  return {
    UserId: `${demoIds.iam('AROA', `${accountId}/${role}`)}:lateral-ir`,
    Account: accountId,
    Arn: `arn:aws:sts::${accountId}:assumed-role/${role}/lateral-ir`,
  };
}

function accountArnPrefix(plan: OrganizationPlan): string {
  return `arn:aws:organizations::${plan.managementAccountId}:account/${plan.organizationId}`;
}

export function listAccounts(plan: OrganizationPlan): AwsObject {
  return {
    Accounts: plan.accounts.map((account) => ({
      Id: account.id,
      Arn: `${accountArnPrefix(plan)}/${account.id}`,
      Email: account.email,
      Name: account.name,
      Status: 'ACTIVE',
      State: 'ACTIVE',
      JoinedMethod: account.id === plan.managementAccountId ? 'INVITED' : 'CREATED',
      JoinedTimestamp: account.joinedAt,
    })),
  };
}

export function describeOrganization(plan: OrganizationPlan): AwsObject {
  const management = plan.accounts.find(
    (account) => account.id === plan.managementAccountId,
  ) as AccountPlan;
  return {
    Organization: {
      Id: plan.organizationId,
      Arn: `arn:aws:organizations::${plan.managementAccountId}:organization/${plan.organizationId}`,
      FeatureSet: 'ALL',
      MasterAccountArn: `${accountArnPrefix(plan)}/${plan.managementAccountId}`,
      MasterAccountId: plan.managementAccountId,
      MasterAccountEmail: management.email,
      AvailablePolicyTypes: [{ Type: 'SERVICE_CONTROL_POLICY', Status: 'ENABLED' }],
    },
  };
}

export function listBuckets(accountId: string, buckets: readonly BucketPlan[]): AwsObject {
  return {
    Buckets: buckets.map((bucket) => ({
      Name: bucket.name,
      CreationDate: `${new Date(
        demoCollectedAt.getTime() - (bucket.name.length * 37 + 90) * 86_400_000,
      )
        .toISOString()
        .slice(0, 19)}+00:00`,
      BucketRegion: bucket.region,
    })),
    Owner: { ID: hexText(`canonical/${accountId}`, 64, demoSeed) },
  };
}

/** GetBucketLocation prints null for us-east-1, the region's name elsewhere. */
export function bucketLocation(bucket: BucketPlan): AwsObject {
  return { LocationConstraint: bucket.region === 'us-east-1' ? null : bucket.region };
}
