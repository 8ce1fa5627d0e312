/** Edges of the network: VPCs and what they hold, routes, peering, security group references. */
import {
  eachElement,
  ec2Ref,
  rule,
  self,
  type Endpoint,
  type RelationshipRule,
} from '../rule-builder.js';

const vpc = (idSql: string, place: { account?: string; region?: string } = {}) =>
  ec2Ref('aws_vpc', 'vpc', idSql, place);
const subnet = (idSql: string) => ec2Ref('aws_vpc_subnet', 'subnet', idSql);
const securityGroup = (idSql: string, account?: string) =>
  ec2Ref('aws_vpc_security_group', 'security-group', idSql, account ? { account } : {});

/** A VPC-to-member rule over a table whose rows name their VPC in vpc_id. */
function vpcHolds(table: string, memberType: string, idColumn: string, label: string) {
  return rule({
    id: `vpc-${table}`,
    label,
    from: 'aws_vpc',
    to: memberType,
    table,
    columns: ['vpc_id', idColumn],
    fromEndpoint: vpc('r.vpc_id'),
    toEndpoint: self(memberType),
    where: 'r.vpc_id is not null',
  });
}

/** The peer VPC of a peering connection row, in the peer's own account and region. */
function peeringVpc(side: 'requester' | 'accepter'): Endpoint {
  return vpc(`r.${side}_vpc_id`, {
    account: `coalesce(r.${side}_owner_id, r.account_id)`,
    region: `coalesce(r.${side}_region, r.region)`,
  });
}

const peeringColumns = [
  'id',
  'status_code',
  'requester_vpc_id',
  'requester_owner_id',
  'requester_region',
  'accepter_vpc_id',
  'accepter_owner_id',
  'accepter_region',
];

/**
 * A route's target peering connection, keyed as its own row keys it (by the requester's account
 * and region, looked up by id); the route table's own place when the connection was not collected.
 */
const routedPeering: Endpoint = ec2Ref(
  'aws_vpc_peering_connection',
  'vpc-peering-connection',
  `(rt.v ->> 'VpcPeeringConnectionId')`,
  {
    account: 'coalesce(pc.requester_owner_id, r.account_id)',
    region: 'coalesce(pc.requester_region, r.region)',
  },
);

const peeringLookup =
  'left join lateral (select p.requester_owner_id, p.requester_region ' +
  'from public.aws_vpc_peering_connection p ' +
  `where p.id = rt.v ->> 'VpcPeeringConnectionId' limit 1) pc on true`;

function routeTo(memberType: string, kind: string, field: string, where: string) {
  return rule({
    id: `route-table-${memberType}`,
    label: 'routes to',
    from: 'aws_vpc_route_table',
    to: memberType,
    table: 'aws_vpc_route_table',
    columns: ['route_table_id', 'routes'],
    fromEndpoint: self('aws_vpc_route_table'),
    toEndpoint: ec2Ref(memberType, kind, `(rt.v ->> '${field}')`),
    join: eachElement('r.routes', 'rt'),
    where,
  });
}

export const networkRules: readonly RelationshipRule[] = [
  rule({
    id: 'subnet-vpc',
    label: 'vpc',
    from: 'aws_vpc_subnet',
    to: 'aws_vpc',
    table: 'aws_vpc_subnet',
    columns: ['subnet_id', 'vpc_id'],
    fromEndpoint: self('aws_vpc_subnet'),
    toEndpoint: vpc('r.vpc_id'),
    where: 'r.vpc_id is not null',
  }),
  vpcHolds('aws_vpc_route_table', 'aws_vpc_route_table', 'route_table_id', 'route table'),
  vpcHolds('aws_vpc_nat_gateway', 'aws_vpc_nat_gateway', 'nat_gateway_id', 'nat gateway'),
  vpcHolds('aws_vpc_network_acl', 'aws_vpc_network_acl', 'network_acl_id', 'network acl'),
  vpcHolds('aws_vpc_security_group', 'aws_vpc_security_group', 'group_id', 'security group'),
  rule({
    id: 'vpc-internet-gateway',
    label: 'internet gateway',
    from: 'aws_vpc',
    to: 'aws_vpc_internet_gateway',
    table: 'aws_vpc_internet_gateway',
    columns: ['internet_gateway_id', 'attachments'],
    fromEndpoint: vpc(`(a.v ->> 'VpcId')`),
    toEndpoint: self('aws_vpc_internet_gateway'),
    join: eachElement('r.attachments', 'a'),
    where: `a.v ->> 'VpcId' is not null`,
  }),
  rule({
    id: 'nat-gateway-subnet',
    label: 'subnet',
    from: 'aws_vpc_nat_gateway',
    to: 'aws_vpc_subnet',
    table: 'aws_vpc_nat_gateway',
    columns: ['nat_gateway_id', 'subnet_id'],
    fromEndpoint: self('aws_vpc_nat_gateway'),
    toEndpoint: subnet('r.subnet_id'),
    where: 'r.subnet_id is not null',
  }),
  rule({
    id: 'nat-gateway-eip',
    label: 'eip',
    from: 'aws_vpc_nat_gateway',
    to: 'aws_vpc_eip',
    table: 'aws_vpc_nat_gateway',
    columns: ['nat_gateway_id', 'nat_gateway_addresses'],
    fromEndpoint: self('aws_vpc_nat_gateway'),
    toEndpoint: ec2Ref('aws_vpc_eip', 'elastic-ip', `(a.v ->> 'AllocationId')`),
    join: eachElement('r.nat_gateway_addresses', 'a'),
    where: `a.v ->> 'AllocationId' is not null`,
  }),
  rule({
    id: 'route-table-subnet',
    label: 'associated',
    from: 'aws_vpc_route_table',
    to: 'aws_vpc_subnet',
    table: 'aws_vpc_route_table',
    columns: ['route_table_id', 'associations'],
    fromEndpoint: self('aws_vpc_route_table'),
    toEndpoint: subnet(`(a.v ->> 'SubnetId')`),
    join: eachElement('r.associations', 'a'),
    where: `a.v ->> 'SubnetId' is not null`,
  }),
  rule({
    id: 'network-acl-subnet',
    label: 'associated',
    from: 'aws_vpc_network_acl',
    to: 'aws_vpc_subnet',
    table: 'aws_vpc_network_acl',
    columns: ['network_acl_id', 'associations'],
    fromEndpoint: self('aws_vpc_network_acl'),
    toEndpoint: subnet(`(a.v ->> 'SubnetId')`),
    join: eachElement('r.associations', 'a'),
    where: `a.v ->> 'SubnetId' is not null`,
  }),
  routeTo(
    'aws_vpc_internet_gateway',
    'internet-gateway',
    'GatewayId',
    `rt.v ->> 'GatewayId' like 'igw-%'`,
  ),
  routeTo(
    'aws_vpc_nat_gateway',
    'natgateway',
    'NatGatewayId',
    `rt.v ->> 'NatGatewayId' is not null`,
  ),
  routeTo(
    'aws_ec2_network_interface',
    'network-interface',
    'NetworkInterfaceId',
    `rt.v ->> 'NetworkInterfaceId' is not null`,
  ),
  rule({
    id: 'route-table-peering',
    label: 'routes to',
    from: 'aws_vpc_route_table',
    to: 'aws_vpc_peering_connection',
    table: 'aws_vpc_route_table',
    columns: ['route_table_id', 'routes'],
    also: { aws_vpc_peering_connection: ['id', 'requester_owner_id', 'requester_region'] },
    fromEndpoint: self('aws_vpc_route_table'),
    toEndpoint: routedPeering,
    join: `${eachElement('r.routes', 'rt')} ${peeringLookup}`,
    where: `rt.v ->> 'VpcPeeringConnectionId' is not null`,
  }),
  rule({
    id: 'vpc-peered-with',
    label: 'peered with',
    from: 'aws_vpc',
    to: 'aws_vpc',
    table: 'aws_vpc_peering_connection',
    columns: peeringColumns,
    fromEndpoint: peeringVpc('requester'),
    toEndpoint: peeringVpc('accepter'),
    // Only an active connection carries traffic; null is a status the evidence did not give.
    where:
      'r.requester_vpc_id is not null and r.accepter_vpc_id is not null' +
      " and (r.status_code is null or r.status_code = 'active')",
  }),
  rule({
    id: 'peering-requester-vpc',
    label: 'requester vpc',
    from: 'aws_vpc_peering_connection',
    to: 'aws_vpc',
    table: 'aws_vpc_peering_connection',
    columns: peeringColumns,
    fromEndpoint: self('aws_vpc_peering_connection'),
    toEndpoint: peeringVpc('requester'),
    where: 'r.requester_vpc_id is not null',
  }),
  rule({
    id: 'peering-accepter-vpc',
    label: 'accepter vpc',
    from: 'aws_vpc_peering_connection',
    to: 'aws_vpc',
    table: 'aws_vpc_peering_connection',
    columns: peeringColumns,
    fromEndpoint: self('aws_vpc_peering_connection'),
    toEndpoint: peeringVpc('accepter'),
    where: 'r.accepter_vpc_id is not null',
  }),
  rule({
    id: 'security-group-rule-reference',
    label: 'allows from',
    from: 'aws_vpc_security_group',
    to: 'aws_vpc_security_group',
    table: 'aws_vpc_security_group_rule',
    columns: ['group_id', 'is_egress', 'referenced_group_id', 'referenced_user_id'],
    fromEndpoint: securityGroup('r.group_id'),
    toEndpoint: securityGroup(
      'r.referenced_group_id',
      'coalesce(r.referenced_user_id, r.account_id)',
    ),
    where: 'r.referenced_group_id is not null and not coalesce(r.is_egress, false)',
  }),
  // DescribeSecurityGroups alone (a CloudMapper folder) names the same references.
  rule({
    id: 'security-group-permission-reference',
    label: 'allows from',
    from: 'aws_vpc_security_group',
    to: 'aws_vpc_security_group',
    table: 'aws_vpc_security_group',
    columns: ['group_id', 'ip_permissions'],
    fromEndpoint: self('aws_vpc_security_group'),
    toEndpoint: securityGroup(
      `(pair.v ->> 'GroupId')`,
      `coalesce(pair.v ->> 'UserId', r.account_id)`,
    ),
    join: `${eachElement('r.ip_permissions', 'perm')} ${eachElement(
      `perm.v -> 'UserIdGroupPairs'`,
      'pair',
    )}`,
    where: `pair.v ->> 'GroupId' is not null`,
  }),
];
