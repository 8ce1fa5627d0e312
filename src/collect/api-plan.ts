import {
  DescribeAddressesCommand,
  DescribeInstancesCommand,
  DescribeInternetGatewaysCommand,
  DescribeKeyPairsCommand,
  DescribeNatGatewaysCommand,
  DescribeNetworkAclsCommand,
  DescribeNetworkInterfacesCommand,
  DescribeRegionsCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupRulesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVolumesCommand,
  DescribeVpcPeeringConnectionsCommand,
  DescribeVpcsCommand,
} from '@aws-sdk/client-ec2';
import {
  GetAccountAuthorizationDetailsCommand,
  ListAccountAliasesCommand,
  ListInstanceProfilesCommand,
  ListPoliciesCommand,
  ListRolesCommand,
  ListUsersCommand,
} from '@aws-sdk/client-iam';
import { ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { DescribeOrganizationCommand, ListAccountsCommand } from '@aws-sdk/client-organizations';
import { DescribeDBInstancesCommand } from '@aws-sdk/client-rds';
import {
  GetBucketLocationCommand,
  GetBucketPolicyCommand,
  ListBucketsCommand,
} from '@aws-sdk/client-s3';
import { AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { apiSpec, type ApiId } from '../evidence/api-catalog.js';
import type { ServiceName } from './aws-clients.js';

/** Any SDK command class: they differ only in their input and output types. */
export type CommandConstructor = new (input: never) => object;

/** How to make one covered call, following every page. */
export interface ApiCall {
  api: ApiId;
  service: ServiceName;
  command: CommandConstructor;
  input: Record<string, unknown>;
  /** Keys whose items are concatenated across pages. */
  listKeys: readonly string[];
  /** Calls that unblock the rest of an account go before other waiting calls. */
  urgent?: boolean;
  /** Absent for calls that are not paginated. */
  paging?: {
    inputToken: string;
    outputToken: string;
    /** IAM says `IsTruncated: false` on the last page. */
    truncatedKey?: string;
  };
}

function call(
  api: ApiId,
  command: CommandConstructor,
  options: {
    input?: Record<string, unknown>;
    listKeys?: readonly string[];
    paging?: ApiCall['paging'];
    urgent?: boolean;
  } = {},
): ApiCall {
  const spec = apiSpec(api);
  return {
    api,
    service: spec.service as ServiceName,
    command,
    input: options.input ?? {},
    listKeys: options.listKeys ?? (spec.listKey === undefined ? [] : [spec.listKey]),
    ...(options.paging === undefined ? {} : { paging: options.paging }),
    ...(options.urgent === true ? { urgent: true } : {}),
  };
}

const nextToken = { inputToken: 'NextToken', outputToken: 'NextToken' };
const iamMarker = { inputToken: 'Marker', outputToken: 'Marker', truncatedKey: 'IsTruncated' };

// EC2 describe calls without MaxResults return everything they can in one response and page
// only when the service must, which makes the fewest calls.
function ec2(operation: string, command: CommandConstructor, paginated = true): ApiCall {
  return call(`ec2:${operation}`, command, paginated ? { paging: nextToken } : {});
}

/** The calls made once per account and region. */
export const regionalCalls: readonly ApiCall[] = [
  ec2('DescribeInstances', DescribeInstancesCommand),
  ec2('DescribeVpcs', DescribeVpcsCommand),
  ec2('DescribeSubnets', DescribeSubnetsCommand),
  ec2('DescribeSecurityGroups', DescribeSecurityGroupsCommand),
  ec2('DescribeSecurityGroupRules', DescribeSecurityGroupRulesCommand),
  ec2('DescribeVpcPeeringConnections', DescribeVpcPeeringConnectionsCommand),
  ec2('DescribeRouteTables', DescribeRouteTablesCommand),
  ec2('DescribeNetworkAcls', DescribeNetworkAclsCommand),
  ec2('DescribeNetworkInterfaces', DescribeNetworkInterfacesCommand),
  ec2('DescribeVolumes', DescribeVolumesCommand),
  ec2('DescribeKeyPairs', DescribeKeyPairsCommand, false),
  ec2('DescribeInternetGateways', DescribeInternetGatewaysCommand),
  ec2('DescribeNatGateways', DescribeNatGatewaysCommand),
  ec2('DescribeAddresses', DescribeAddressesCommand, false),
  call('lambda:ListFunctions', ListFunctionsCommand, {
    input: { MaxItems: 50 },
    paging: { inputToken: 'Marker', outputToken: 'NextMarker' },
  }),
  call('rds:DescribeDBInstances', DescribeDBInstancesCommand, {
    input: { MaxRecords: 100 },
    paging: { inputToken: 'Marker', outputToken: 'Marker' },
  }),
];

export const callerIdentityCall = call('sts:GetCallerIdentity', GetCallerIdentityCommand, {
  urgent: true,
});

export const describeRegionsCall = call('ec2:DescribeRegions', DescribeRegionsCommand, {
  urgent: true,
});

/**
 * One call for all of IAM. Without a filter it returns users, groups, roles (with their
 * instance profiles and inline policies), every customer managed policy and the AWS managed
 * policies attached to something, each with its documents: what permission analysis needs.
 */
export const authorizationDetailsCall = call(
  'iam:GetAccountAuthorizationDetails',
  GetAccountAuthorizationDetailsCommand,
  {
    input: { MaxItems: 1000 },
    listKeys: ['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies'],
    paging: iamMarker,
  },
);

/** Made only when GetAccountAuthorizationDetails is denied: the parts other grants may allow. */
export const iamFallbackCalls: readonly ApiCall[] = [
  call('iam:ListUsers', ListUsersCommand, { input: { MaxItems: 1000 }, paging: iamMarker }),
  call('iam:ListRoles', ListRolesCommand, { input: { MaxItems: 1000 }, paging: iamMarker }),
  call('iam:ListPolicies', ListPoliciesCommand, {
    input: { MaxItems: 1000, OnlyAttached: true },
    paging: iamMarker,
  }),
  call('iam:ListInstanceProfiles', ListInstanceProfilesCommand, {
    input: { MaxItems: 1000 },
    paging: iamMarker,
  }),
];

export const accountAliasesCall = call('iam:ListAccountAliases', ListAccountAliasesCommand, {
  paging: iamMarker,
});

export const describeOrganizationCall = call(
  'organizations:DescribeOrganization',
  DescribeOrganizationCommand,
);

export const listAccountsCall = call('organizations:ListAccounts', ListAccountsCommand, {
  urgent: true,
  input: { MaxResults: 20 },
  paging: nextToken,
});

export const listBucketsCall = call('s3:ListBuckets', ListBucketsCommand, {
  paging: { inputToken: 'ContinuationToken', outputToken: 'ContinuationToken' },
});

export const bucketLocationCall = call('s3:GetBucketLocation', GetBucketLocationCommand);

export const bucketPolicyCall = call('s3:GetBucketPolicy', GetBucketPolicyCommand);

/** Not evidence (never written): how lateral reaches a member account of an organization. */
export const assumeRoleCall: ApiCall = {
  api: 'sts:AssumeRole',
  service: 'sts',
  command: AssumeRoleCommand,
  input: {},
  listKeys: [],
  urgent: true,
};
