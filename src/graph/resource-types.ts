/**
 * Every resource type of the graph, declared once: how it looks (label, icon, colour), how its
 * nodes are read from the Steampipe-named public views (key, id, name, hover properties), and
 * how it behaves in a crowded graph (fold) and in traversal. The web UI imports this file, so it
 * holds no Node imports: the read expressions are SQL text over the row alias `r`.
 */
import type { ResourceType } from './graph-model.js';
import { accountKey, arnAccount, arnName, arnPartition, ec2Key, nameTagOr } from './sql-expressions.js';

/** How one source table's rows become nodes of a type. All SQL is over the row alias `r`. */
export interface ResourceSource {
  /** The public view (a Steampipe table name) the nodes are read from. */
  table: string;
  /** Columns the expressions need; the source is skipped when the view lacks one. */
  columns: readonly string[];
  /** Extra FROM items after `public.<table> r`, e.g. a lateral unnest. */
  join?: string;
  where?: string;
  key: string;
  id: string;
  name: string;
  account: string;
  region: string;
  partition?: string;
  /** Columns copied into the node's properties (those the view has), for hover and detail. */
  properties: readonly string[];
  /** IP addresses the node is found by in search. */
  ips?: readonly string[];
  /** False when a row only names the node (a role naming its profiles): no detail row. */
  describesRow?: boolean;
}

export interface FoldRule {
  /** Same-type neighbours over one label fold into a counted node when there are more than this. */
  above: number;
}

export interface ResourceTypeSpec {
  type: ResourceType;
  label: string;
  /** An icon id the UI maps to an inline SVG. */
  icon: string;
  /** A short glyph for text exports and icon fallbacks. */
  glyph: string;
  colour: string;
  /** Where nodes come from; none for placeholder-only types and for tables that become edges. */
  sources: readonly ResourceSource[];
  fold: FoldRule | null;
  /**
   * `stop`: a hub (an account, a service principal) appears in a neighbourhood, but the walk does
   * not continue through it, else every neighbourhood would hold the whole account.
   */
  traverse: 'expand' | 'stop';
}

const regional = { account: 'r.account_id', region: 'r.region' } as const;
// IAM ARNs name their account; AWS-managed policies (`arn:aws:iam::aws:...`) belong to none.
const global = { account: arnAccount('r.arn'), region: `'global'` } as const;

function ec2Source(
  table: string,
  kind: string,
  idColumn: string,
  properties: readonly string[],
  extra: Partial<ResourceSource> = {},
): ResourceSource {
  const id = `r.${idColumn}`;
  return {
    table,
    where: `${id} is not null`,
    key: ec2Key(kind, id),
    id,
    name: nameTagOr(id),
    ...regional,
    properties,
    ...extra,
    columns: [idColumn, 'account_id', 'region', 'partition', 'tags', ...(extra.columns ?? [])],
  };
}

function arnSource(
  table: string,
  idColumn: string,
  properties: readonly string[],
  place: { account: string; region: string } = global,
): ResourceSource {
  return {
    table,
    columns: ['arn', idColumn, 'account_id', 'region'],
    where: 'r.arn is not null',
    key: 'r.arn',
    id: `r.${idColumn}`,
    name: `coalesce(r.${idColumn}, r.arn)`,
    ...place,
    partition: arnPartition('r.arn'),
    properties,
  };
}

function type(
  spec: Omit<ResourceTypeSpec, 'fold' | 'traverse' | 'sources'> &
    Partial<Pick<ResourceTypeSpec, 'fold' | 'traverse' | 'sources'>>,
): ResourceTypeSpec {
  return { fold: { above: 6 }, traverse: 'expand', sources: [], ...spec };
}

const organizationIdOfAccountArn = `split_part(r.arn, '/', 2)`;

export const resourceTypes: readonly ResourceTypeSpec[] = [
  type({
    type: 'aws_ec2_instance',
    label: 'EC2 instance',
    icon: 'server',
    glyph: 'EC2',
    colour: '#ed7100',
    sources: [
      ec2Source(
        'aws_ec2_instance',
        'instance',
        'instance_id',
        [
          'instance_state',
          'instance_type',
          'private_ip_address',
          'public_ip_address',
          'vpc_id',
          'subnet_id',
          'iam_instance_profile_arn',
          'launch_time',
        ],
        {
          columns: ['private_ip_address', 'public_ip_address'],
          ips: ['r.private_ip_address', 'r.public_ip_address'],
        },
      ),
    ],
  }),
  type({
    type: 'aws_vpc',
    label: 'VPC',
    icon: 'vpc',
    glyph: 'VPC',
    colour: '#8c4fff',
    fold: { above: 8 },
    sources: [ec2Source('aws_vpc', 'vpc', 'vpc_id', ['cidr_block', 'state', 'is_default'])],
  }),
  type({
    type: 'aws_vpc_subnet',
    label: 'Subnet',
    icon: 'subnet',
    glyph: 'SN',
    colour: '#7aa116',
    fold: { above: 8 },
    sources: [
      ec2Source('aws_vpc_subnet', 'subnet', 'subnet_id', [
        'cidr_block',
        'availability_zone',
        'map_public_ip_on_launch',
        'vpc_id',
      ]),
    ],
  }),
  type({
    type: 'aws_vpc_security_group',
    label: 'Security group',
    icon: 'shield',
    glyph: 'SG',
    colour: '#dd344c',
    sources: [
      ec2Source(
        'aws_vpc_security_group',
        'security-group',
        'group_id',
        ['group_name', 'description', 'vpc_id'],
        { columns: ['group_name'], name: nameTagOr('coalesce(r.group_name, r.group_id)') },
      ),
    ],
  }),
  // Rules become "allows from" edges between groups, not nodes of their own.
  type({
    type: 'aws_vpc_security_group_rule',
    label: 'Security group rule',
    icon: 'rule',
    glyph: 'SGR',
    colour: '#dd344c',
  }),
  type({
    type: 'aws_vpc_peering_connection',
    label: 'VPC peering connection',
    icon: 'peering',
    glyph: 'PCX',
    colour: '#8c4fff',
    sources: [
      // Keyed by the requester's account and region, which both sides' evidence names.
      ec2Source(
        'aws_vpc_peering_connection',
        'vpc-peering-connection',
        'id',
        [
          'status_code',
          'requester_vpc_id',
          'requester_owner_id',
          'requester_region',
          'requester_cidr_block',
          'accepter_vpc_id',
          'accepter_owner_id',
          'accepter_region',
          'accepter_cidr_block',
        ],
        {
          columns: ['requester_owner_id', 'requester_region'],
          key: ec2Key('vpc-peering-connection', 'r.id', {
            region: 'coalesce(r.requester_region, r.region)',
            account: 'coalesce(r.requester_owner_id, r.account_id)',
          }),
          account: 'coalesce(r.requester_owner_id, r.account_id)',
          region: 'coalesce(r.requester_region, r.region)',
        },
      ),
    ],
  }),
  type({
    type: 'aws_vpc_route_table',
    label: 'Route table',
    icon: 'route',
    glyph: 'RT',
    colour: '#8c4fff',
    sources: [ec2Source('aws_vpc_route_table', 'route-table', 'route_table_id', ['vpc_id'])],
  }),
  type({
    type: 'aws_vpc_network_acl',
    label: 'Network ACL',
    icon: 'acl',
    glyph: 'ACL',
    colour: '#dd344c',
    sources: [
      ec2Source('aws_vpc_network_acl', 'network-acl', 'network_acl_id', ['is_default', 'vpc_id']),
    ],
  }),
  type({
    type: 'aws_ec2_network_interface',
    label: 'Network interface',
    icon: 'eni',
    glyph: 'ENI',
    colour: '#ed7100',
    sources: [
      ec2Source(
        'aws_ec2_network_interface',
        'network-interface',
        'network_interface_id',
        [
          'interface_type',
          'status',
          'private_ip_address',
          'association_public_ip',
          'attached_instance_id',
          'subnet_id',
          'description',
        ],
        {
          columns: ['private_ip_address', 'association_public_ip'],
          ips: ['r.private_ip_address', 'r.association_public_ip'],
        },
      ),
    ],
  }),
  type({
    type: 'aws_ebs_volume',
    label: 'EBS volume',
    icon: 'disk',
    glyph: 'EBS',
    colour: '#7aa116',
    sources: [
      ec2Source('aws_ebs_volume', 'volume', 'volume_id', [
        'size',
        'volume_type',
        'encrypted',
        'state',
        'snapshot_id',
      ]),
    ],
  }),
  type({
    type: 'aws_ec2_key_pair',
    label: 'Key pair',
    icon: 'key',
    glyph: 'KEY',
    colour: '#ed7100',
    sources: [
      ec2Source('aws_ec2_key_pair', 'key-pair', 'key_name', [
        'key_pair_id',
        'key_type',
        'key_fingerprint',
      ]),
    ],
  }),
  type({
    type: 'aws_vpc_internet_gateway',
    label: 'Internet gateway',
    icon: 'internet',
    glyph: 'IGW',
    colour: '#8c4fff',
    sources: [
      ec2Source('aws_vpc_internet_gateway', 'internet-gateway', 'internet_gateway_id', [
        'owner_id',
      ]),
    ],
  }),
  type({
    type: 'aws_vpc_nat_gateway',
    label: 'NAT gateway',
    icon: 'nat',
    glyph: 'NAT',
    colour: '#8c4fff',
    sources: [
      ec2Source('aws_vpc_nat_gateway', 'natgateway', 'nat_gateway_id', [
        'state',
        'vpc_id',
        'subnet_id',
        'connectivity_type',
      ]),
    ],
  }),
  type({
    type: 'aws_vpc_eip',
    label: 'Elastic IP',
    icon: 'ip',
    glyph: 'EIP',
    colour: '#8c4fff',
    sources: [
      ec2Source(
        'aws_vpc_eip',
        'elastic-ip',
        'allocation_id',
        ['public_ip', 'private_ip_address', 'instance_id', 'network_interface_id', 'domain'],
        {
          columns: ['public_ip', 'private_ip_address'],
          name: nameTagOr('coalesce(r.public_ip::text, r.allocation_id)'),
          ips: ['r.public_ip', 'r.private_ip_address'],
        },
      ),
    ],
  }),
  type({
    type: 'aws_iam_role',
    label: 'IAM role',
    icon: 'role',
    glyph: 'ROLE',
    colour: '#dd344c',
    sources: [
      arnSource('aws_iam_role', 'name', [
        'description',
        'path',
        'create_date',
        'role_last_used_date',
        'permissions_boundary_arn',
        'inline_policies',
      ]),
    ],
  }),
  type({
    type: 'aws_iam_user',
    label: 'IAM user',
    icon: 'user',
    glyph: 'USER',
    colour: '#dd344c',
    sources: [
      arnSource('aws_iam_user', 'name', [
        'path',
        'create_date',
        'password_last_used',
        'mfa_enabled',
        'inline_policies',
      ]),
    ],
  }),
  type({
    type: 'aws_iam_group',
    label: 'IAM group',
    icon: 'group',
    glyph: 'GRP',
    colour: '#dd344c',
    sources: [arnSource('aws_iam_group', 'name', ['path', 'inline_policies'])],
  }),
  type({
    type: 'aws_iam_policy',
    label: 'IAM policy',
    icon: 'policy',
    glyph: 'POL',
    colour: '#dd344c',
    sources: [
      arnSource('aws_iam_policy', 'name', [
        'is_aws_managed',
        'attachment_count',
        'default_version_id',
        'path',
      ]),
    ],
  }),
  type({
    type: 'aws_iam_instance_profile',
    label: 'Instance profile',
    icon: 'badge',
    glyph: 'IP',
    colour: '#dd344c',
    sources: [
      arnSource('aws_iam_instance_profile', 'name', ['path', 'create_date', 'role_names']),
      // A role's instance_profile_arns names its profiles too, when ListInstanceProfiles is absent.
      {
        table: 'aws_iam_role',
        columns: ['instance_profile_arns', 'arn'],
        join:
          'cross join lateral jsonb_array_elements_text(' +
          "case jsonb_typeof(r.instance_profile_arns) when 'array' then r.instance_profile_arns " +
          "else '[]'::jsonb end) as p(arn)",
        key: 'p.arn',
        id: arnName('p.arn'),
        name: arnName('p.arn'),
        account: arnAccount('p.arn'),
        region: `'global'`,
        partition: arnPartition('p.arn'),
        properties: [],
        describesRow: false,
      },
    ],
  }),
  type({
    type: 'aws_lambda_function',
    label: 'Lambda function',
    icon: 'lambda',
    glyph: 'λ',
    colour: '#ed7100',
    sources: [
      arnSource(
        'aws_lambda_function',
        'name',
        ['runtime', 'handler', 'role', 'vpc_id', 'last_modified', 'state'],
        regional,
      ),
    ],
  }),
  type({
    type: 'aws_rds_db_instance',
    label: 'RDS DB instance',
    icon: 'database',
    glyph: 'RDS',
    colour: '#3b48cc',
    sources: [
      arnSource(
        'aws_rds_db_instance',
        'db_instance_identifier',
        [
          'engine',
          'engine_version',
          'class',
          'status',
          'publicly_accessible',
          'endpoint_address',
          'vpc_id',
        ],
        regional,
      ),
    ],
  }),
  type({
    type: 'aws_s3_bucket',
    label: 'S3 bucket',
    icon: 'bucket',
    glyph: 'S3',
    colour: '#7aa116',
    sources: [
      arnSource(
        'aws_s3_bucket',
        'name',
        ['creation_date', 'bucket_policy_is_public', 'block_public_acls'],
        regional,
      ),
    ],
  }),
  type({
    type: 'aws_account',
    label: 'AWS account',
    icon: 'account',
    glyph: 'ACCT',
    colour: '#232f3e',
    fold: { above: 10 },
    traverse: 'stop',
    sources: [
      {
        table: 'aws_account',
        columns: ['account_id', 'partition', 'account_aliases'],
        key: accountKey('r.account_id', 'coalesce(r.partition, \'aws\')'),
        id: 'r.account_id',
        name: `coalesce(r.account_aliases ->> 0, r.account_id)`,
        account: 'r.account_id',
        region: 'null',
        partition: `coalesce(r.partition, 'aws')`,
        properties: ['account_aliases', 'organization_id', 'organization_master_account_id'],
      },
      {
        table: 'aws_organizations_account',
        columns: ['id', 'partition', 'name'],
        key: accountKey('r.id', 'coalesce(r.partition, \'aws\')'),
        id: 'r.id',
        name: 'coalesce(r.name, r.id)',
        account: 'r.id',
        region: 'null',
        partition: `coalesce(r.partition, 'aws')`,
        properties: ['status', 'joined_method', 'joined_timestamp', 'parent_id'],
      },
    ],
  }),
  type({
    type: 'aws_organization',
    label: 'AWS Organization',
    icon: 'organization',
    glyph: 'ORG',
    colour: '#232f3e',
    traverse: 'stop',
    sources: [
      {
        table: 'aws_organizations_account',
        columns: ['arn', 'account_id'],
        where: `r.arn like '%:account/o-%'`,
        key:
          `('arn:' || ${arnPartition('r.arn')} || ':organizations::' || ` +
          `${arnAccount('r.arn')} || ':organization/' || ${organizationIdOfAccountArn})`,
        id: organizationIdOfAccountArn,
        name: organizationIdOfAccountArn,
        account: arnAccount('r.arn'),
        region: 'null',
        partition: arnPartition('r.arn'),
        properties: [],
        describesRow: false,
      },
      {
        table: 'aws_account',
        columns: ['organization_arn', 'organization_id', 'organization_master_account_id'],
        where: 'r.organization_arn is not null',
        key: 'r.organization_arn',
        id: 'coalesce(r.organization_id, r.organization_arn)',
        name: 'coalesce(r.organization_id, r.organization_arn)',
        account: 'r.organization_master_account_id',
        region: 'null',
        partition: arnPartition('r.organization_arn'),
        properties: ['organization_feature_set'],
        describesRow: false,
      },
    ],
  }),
  type({
    type: 'aws_principal_service',
    label: 'AWS service principal',
    icon: 'service',
    glyph: 'SVC',
    colour: '#5a6b86',
    traverse: 'stop',
  }),
  type({
    type: 'aws_principal_federated',
    label: 'Federated principal',
    icon: 'federated',
    glyph: 'FED',
    colour: '#5a6b86',
    traverse: 'stop',
  }),
  type({
    type: 'aws_principal_external_account',
    label: 'External AWS account',
    icon: 'account-external',
    glyph: 'EXT',
    colour: '#5a6b86',
    traverse: 'stop',
  }),
  type({
    type: 'aws_principal_any',
    label: 'Any AWS principal (*)',
    icon: 'anyone',
    glyph: '*',
    colour: '#b0084d',
    traverse: 'stop',
  }),
];

const byType = new Map(resourceTypes.map((spec) => [spec.type, spec]));

/** The spec of a type; an unknown type (from a newer store) gets a neutral look. */
export function resourceTypeSpec(resourceType: ResourceType): ResourceTypeSpec {
  return (
    byType.get(resourceType) ?? {
      type: resourceType,
      label: resourceType,
      icon: 'resource',
      glyph: '?',
      colour: '#5a6b86',
      sources: [],
      fold: { above: 6 },
      traverse: 'expand',
    }
  );
}
