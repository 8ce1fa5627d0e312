/**
 * Every AWS API call lateral reads as evidence, declared once. Collection, the evidence folder
 * layout, shape recognition of loose aws CLI files and the table mappers all key on these ids.
 */

/** `service:Operation`, with the IAM action prefix as service, e.g. `ec2:DescribeInstances`. */
export type ApiId = `${string}:${string}`;

export interface ApiSpec {
  id: ApiId;
  /** IAM action prefix and SDK client name: ec2, iam, lambda, rds, s3, organizations, sts. */
  service: string;
  /** The operation as the SDK and CloudTrail name it, e.g. DescribeInstances. */
  operation: string;
  /** The aws CLI's command, e.g. `ec2 describe-instances` or `s3api list-buckets`. */
  cliCommand: string;
  /** Global calls are stored under the region `global` (IAM, Organizations, the S3 bucket list). */
  scope: 'regional' | 'global';
  /**
   * Per-resource calls (a bucket's policy) are made once for each resource a list call returned;
   * their evidence files are named by that resource's id.
   */
  perResource: boolean;
  /**
   * Top-level keys of the response that identify its shape in a loose aws CLI output file. All
   * must be present. An empty list means the shape cannot be recognized on its own.
   */
  shapeKeys: readonly string[];
  /** The top-level key that holds the listed items, paginated across pages, if any. */
  listKey?: string;
}

function api(
  service: string,
  operation: string,
  cliCommand: string,
  options: Partial<Pick<ApiSpec, 'scope' | 'perResource' | 'shapeKeys' | 'listKey'>>,
): ApiSpec {
  return {
    id: `${service}:${operation}`,
    service,
    operation,
    cliCommand,
    scope: options.scope ?? 'regional',
    perResource: options.perResource ?? false,
    shapeKeys: options.shapeKeys ?? [],
    ...(options.listKey === undefined ? {} : { listKey: options.listKey }),
  };
}

function ec2(operation: string, cliCommand: string, listKey: string): ApiSpec {
  return api('ec2', operation, `ec2 ${cliCommand}`, { shapeKeys: [listKey], listKey });
}

export const apiCatalog: readonly ApiSpec[] = [
  ec2('DescribeInstances', 'describe-instances', 'Reservations'),
  ec2('DescribeVpcs', 'describe-vpcs', 'Vpcs'),
  ec2('DescribeSubnets', 'describe-subnets', 'Subnets'),
  ec2('DescribeSecurityGroups', 'describe-security-groups', 'SecurityGroups'),
  ec2('DescribeSecurityGroupRules', 'describe-security-group-rules', 'SecurityGroupRules'),
  ec2('DescribeVpcPeeringConnections', 'describe-vpc-peering-connections', 'VpcPeeringConnections'),
  ec2('DescribeRouteTables', 'describe-route-tables', 'RouteTables'),
  ec2('DescribeNetworkAcls', 'describe-network-acls', 'NetworkAcls'),
  ec2('DescribeNetworkInterfaces', 'describe-network-interfaces', 'NetworkInterfaces'),
  ec2('DescribeVolumes', 'describe-volumes', 'Volumes'),
  ec2('DescribeKeyPairs', 'describe-key-pairs', 'KeyPairs'),
  ec2('DescribeInternetGateways', 'describe-internet-gateways', 'InternetGateways'),
  ec2('DescribeNatGateways', 'describe-nat-gateways', 'NatGateways'),
  ec2('DescribeAddresses', 'describe-addresses', 'Addresses'),
  api('ec2', 'DescribeRegions', 'ec2 describe-regions', {
    scope: 'global',
    shapeKeys: ['Regions'],
    listKey: 'Regions',
  }),
  api('iam', 'GetAccountAuthorizationDetails', 'iam get-account-authorization-details', {
    scope: 'global',
    shapeKeys: ['UserDetailList', 'GroupDetailList', 'RoleDetailList', 'Policies'],
  }),
  api('iam', 'ListAccountAliases', 'iam list-account-aliases', {
    scope: 'global',
    shapeKeys: ['AccountAliases'],
    listKey: 'AccountAliases',
  }),
  api('iam', 'ListUsers', 'iam list-users', {
    scope: 'global',
    shapeKeys: ['Users'],
    listKey: 'Users',
  }),
  api('iam', 'GetUser', 'iam get-user', {
    scope: 'global',
    perResource: true,
    shapeKeys: ['User'],
  }),
  api('iam', 'ListRoles', 'iam list-roles', {
    scope: 'global',
    shapeKeys: ['Roles'],
    listKey: 'Roles',
  }),
  api('iam', 'GetRole', 'iam get-role', {
    scope: 'global',
    perResource: true,
    shapeKeys: ['Role'],
  }),
  api('iam', 'ListPolicies', 'iam list-policies', {
    scope: 'global',
    shapeKeys: ['Policies'],
    listKey: 'Policies',
  }),
  api('iam', 'ListInstanceProfiles', 'iam list-instance-profiles', {
    scope: 'global',
    shapeKeys: ['InstanceProfiles'],
    listKey: 'InstanceProfiles',
  }),
  api('lambda', 'ListFunctions', 'lambda list-functions', {
    shapeKeys: ['Functions'],
    listKey: 'Functions',
  }),
  api('rds', 'DescribeDBInstances', 'rds describe-db-instances', {
    shapeKeys: ['DBInstances'],
    listKey: 'DBInstances',
  }),
  api('s3', 'ListBuckets', 's3api list-buckets', {
    scope: 'global',
    shapeKeys: ['Buckets'],
    listKey: 'Buckets',
  }),
  // A bucket policy response is `{"Policy": "<json text>"}`: too plain to recognize on its own.
  api('s3', 'GetBucketPolicy', 's3api get-bucket-policy', { scope: 'global', perResource: true }),
  api('s3', 'GetBucketLocation', 's3api get-bucket-location', {
    scope: 'global',
    perResource: true,
    shapeKeys: ['LocationConstraint'],
  }),
  api('organizations', 'ListAccounts', 'organizations list-accounts', {
    scope: 'global',
    shapeKeys: ['Accounts'],
    listKey: 'Accounts',
  }),
  api('organizations', 'DescribeOrganization', 'organizations describe-organization', {
    scope: 'global',
    shapeKeys: ['Organization'],
  }),
  api('sts', 'GetCallerIdentity', 'sts get-caller-identity', {
    scope: 'global',
    shapeKeys: ['Account', 'Arn', 'UserId'],
  }),
];

const byId = new Map(apiCatalog.map((spec) => [spec.id, spec]));

/** The spec of a covered API; throws for an id that is not in the catalog (a programming error). */
export function apiSpec(id: ApiId): ApiSpec {
  const spec = byId.get(id);
  if (spec === undefined) throw new Error(`${id} is not in lateral's API catalog`);
  return spec;
}

export function findApiSpec(id: string): ApiSpec | undefined {
  return byId.get(id as ApiId);
}
