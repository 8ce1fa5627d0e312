import type { ApiId } from './api-catalog.js';

/**
 * Where a loose aws CLI output file says it came from: the account and region of the resources
 * it lists. Only fields that name the caller's own account are read (a reservation's OwnerId, a
 * role's ARN), not references to other accounts (a security group rule's peer, a trust policy).
 */

/** A field inside each listed item: a path of keys, `[]` stepping into arrays. */
interface OriginField {
  path: string;
  kind: 'account' | 'arn' | 'zone' | 'region';
}

interface OriginFields {
  /** The top-level key whose elements are the items; none for single-object responses. */
  items?: string;
  fields: OriginField[];
}

const f = (path: string, kind: OriginField['kind']): OriginField => ({ path, kind });

const originFields: Partial<Record<ApiId, OriginFields>> = {
  'ec2:DescribeInstances': {
    items: 'Reservations',
    fields: [f('OwnerId', 'account'), f('Instances[].Placement.AvailabilityZone', 'zone')],
  },
  'ec2:DescribeVpcs': { items: 'Vpcs', fields: [f('OwnerId', 'account')] },
  'ec2:DescribeSubnets': {
    items: 'Subnets',
    fields: [f('OwnerId', 'account'), f('SubnetArn', 'arn'), f('AvailabilityZone', 'zone')],
  },
  'ec2:DescribeSecurityGroups': {
    items: 'SecurityGroups',
    fields: [f('OwnerId', 'account'), f('SecurityGroupArn', 'arn')],
  },
  'ec2:DescribeSecurityGroupRules': {
    items: 'SecurityGroupRules',
    fields: [f('GroupOwnerId', 'account'), f('SecurityGroupRuleArn', 'arn')],
  },
  // A peering connection lists both sides; the caller is the side every connection shares.
  'ec2:DescribeVpcPeeringConnections': {
    items: 'VpcPeeringConnections',
    fields: [
      f('RequesterVpcInfo.OwnerId', 'account'),
      f('AccepterVpcInfo.OwnerId', 'account'),
      f('RequesterVpcInfo.Region', 'region'),
      f('AccepterVpcInfo.Region', 'region'),
    ],
  },
  'ec2:DescribeRouteTables': { items: 'RouteTables', fields: [f('OwnerId', 'account')] },
  'ec2:DescribeNetworkAcls': { items: 'NetworkAcls', fields: [f('OwnerId', 'account')] },
  'ec2:DescribeNetworkInterfaces': {
    items: 'NetworkInterfaces',
    fields: [f('OwnerId', 'account'), f('AvailabilityZone', 'zone')],
  },
  'ec2:DescribeVolumes': { items: 'Volumes', fields: [f('AvailabilityZone', 'zone')] },
  'ec2:DescribeInternetGateways': {
    items: 'InternetGateways',
    fields: [f('OwnerId', 'account')],
  },
  'ec2:DescribeAddresses': { items: 'Addresses', fields: [f('NetworkBorderGroup', 'zone')] },
  'iam:GetAccountAuthorizationDetails': {
    fields: [
      f('UserDetailList[].Arn', 'arn'),
      f('GroupDetailList[].Arn', 'arn'),
      f('RoleDetailList[].Arn', 'arn'),
      f('Policies[].Arn', 'arn'),
    ],
  },
  'iam:ListUsers': { items: 'Users', fields: [f('Arn', 'arn')] },
  'iam:GetUser': { fields: [f('User.Arn', 'arn')] },
  'iam:ListRoles': { items: 'Roles', fields: [f('Arn', 'arn')] },
  'iam:GetRole': { fields: [f('Role.Arn', 'arn')] },
  'iam:ListPolicies': { items: 'Policies', fields: [f('Arn', 'arn')] },
  'iam:ListInstanceProfiles': { items: 'InstanceProfiles', fields: [f('Arn', 'arn')] },
  'lambda:ListFunctions': { items: 'Functions', fields: [f('FunctionArn', 'arn')] },
  'rds:DescribeDBInstances': {
    items: 'DBInstances',
    fields: [f('DBInstanceArn', 'arn'), f('AvailabilityZone', 'zone')],
  },
  // Only the management account (or a delegated administrator) can list accounts; the
  // accounts' ARNs name the management account.
  'organizations:ListAccounts': { items: 'Accounts', fields: [f('Arn', 'arn')] },
  'sts:GetCallerIdentity': { fields: [f('Account', 'account')] },
};

const accountPattern = /^\d{12}$/;
const regionPattern = /^[a-z]{2}(?:-[a-z]+)+-\d+/;

/** A region name from a zone or border group: `us-west-2` from `us-west-2a` or `-lax-1a`. */
export function regionOfZone(zone: string): string | undefined {
  return regionPattern.exec(zone)?.[0];
}

export function isRegionName(name: string): boolean {
  return /^[a-z]{2}(?:-[a-z]+)+-\d+$/.test(name);
}

function valuesAt(root: unknown, path: string): string[] {
  let current: unknown[] = [root];
  for (const part of path.split('.')) {
    const key = part.endsWith('[]') ? part.slice(0, -2) : part;
    const next: unknown[] = [];
    for (const value of current) {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
      const inner = (value as Record<string, unknown>)[key];
      if (part.endsWith('[]')) {
        if (Array.isArray(inner)) next.push(...inner);
      } else next.push(inner);
    }
    current = next;
  }
  return current.filter((value): value is string => typeof value === 'string');
}

function originOf(value: string, kind: OriginField['kind']): { account?: string; region?: string } {
  if (kind === 'account') return accountPattern.test(value) ? { account: value } : {};
  if (kind === 'zone') {
    const region = regionOfZone(value);
    return region === undefined ? {} : { region };
  }
  if (kind === 'region') return isRegionName(value) ? { region: value } : {};
  const [prefix, , , region, account] = value.split(':');
  if (prefix !== 'arn') return {};
  return {
    ...(account !== undefined && accountPattern.test(account) ? { account } : {}),
    ...(region !== undefined && isRegionName(region) ? { region } : {}),
  };
}

/** What the items say: one value, several that no item has in common, or nothing. */
export type Inferred =
  { kind: 'one'; value: string } | { kind: 'several'; values: string[] } | { kind: 'none' };

/** Values every item that names any shares; `several` when they share none or more than one. */
function common(perItem: Set<string>[]): Inferred {
  const naming = perItem.filter((values) => values.size > 0);
  const [first, ...rest] = naming;
  if (first === undefined) return { kind: 'none' };
  const shared = [...first].filter((value) => rest.every((values) => values.has(value)));
  if (shared.length === 1) return { kind: 'one', value: shared[0] as string };
  const all = new Set(naming.flatMap((values) => [...values]));
  return { kind: 'several', values: [...all].sort() };
}

/** The account and region a response's items name, for a covered API. */
export function inferOrigin(api: ApiId, body: unknown): { account: Inferred; region: Inferred } {
  const spec = originFields[api];
  if (spec === undefined) return { account: { kind: 'none' }, region: { kind: 'none' } };
  const items = spec.items === undefined ? [body] : valuesAtItems(body, spec.items);
  const accounts: Set<string>[] = [];
  const regions: Set<string>[] = [];
  for (const item of items) {
    const itemAccounts = new Set<string>();
    const itemRegions = new Set<string>();
    for (const field of spec.fields) {
      for (const value of valuesAt(item, field.path)) {
        const origin = originOf(value, field.kind);
        if (origin.account !== undefined) itemAccounts.add(origin.account);
        if (origin.region !== undefined) itemRegions.add(origin.region);
      }
    }
    accounts.push(itemAccounts);
    regions.push(itemRegions);
  }
  return { account: common(accounts), region: common(regions) };
}

function valuesAtItems(body: unknown, key: string): unknown[] {
  if (body === null || typeof body !== 'object') return [];
  const items = (body as Record<string, unknown>)[key];
  return Array.isArray(items) ? items : [];
}
