/** The EC2 and VPC resource types. */
import { ec2Source, type, type ResourceTypeSpec } from './resource-type-spec.js';
import { ec2Key, nameTagOr } from './sql-expressions.js';

export const networkResourceTypes: readonly ResourceTypeSpec[] = [
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
];
