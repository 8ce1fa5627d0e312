import { describeSubnetsShape } from '../aws-shapes/ec2-vpc-shapes.js';
import type { TableDefinition } from '../table-definition.js';
import { column, standardColumns, tagsSrcColumn } from './ec2-columns.js';
import {
  cidrValue,
  ec2Arn,
  known,
  nameOr,
  parsedDocuments,
  placeColumns,
  tagColumns,
} from './ec2-row-values.js';

const columns = [
  column('subnet_id', 'text', 'The ID of the subnet.'),
  column('subnet_arn', 'text', 'The ARN of the subnet.'),
  column('vpc_id', 'text', 'The ID of the VPC the subnet is in.'),
  column('cidr_block', 'cidr', 'The IPv4 CIDR block of the subnet.'),
  column('state', 'text', 'The current state of the subnet.'),
  column('owner_id', 'text', 'The ID of the AWS account that owns the subnet.'),
  column('assign_ipv6_address_on_creation', 'boolean', 'Whether new interfaces get an IPv6.'),
  column('available_ip_address_count', 'bigint', 'The number of unused private IPv4 addresses.'),
  column('availability_zone', 'text', 'The Availability Zone of the subnet.'),
  column('availability_zone_id', 'text', 'The AZ ID of the subnet.'),
  column('customer_owned_ipv4_pool', 'text', 'The customer-owned IPv4 address pool.'),
  column('default_for_az', 'boolean', 'Whether this is the default subnet of its zone.'),
  column('map_customer_owned_ip_on_launch', 'boolean', 'Whether new interfaces get a CoIP.'),
  column('map_public_ip_on_launch', 'boolean', 'Whether new instances get a public IPv4.'),
  column('outpost_arn', 'text', 'The ARN of the Outpost, if the subnet is on one.'),
  column('ipv6_cidr_block_association_set', 'jsonb', 'The IPv6 CIDR blocks of the subnet.'),
  tagsSrcColumn('subnet'),
  ...standardColumns(),
];

/** aws_vpc_subnet: one row per subnet of DescribeSubnets. */
export const awsVpcSubnetTable: TableDefinition = {
  name: 'aws_vpc_subnet',
  scope: 'regional',
  columns,
  sources: ['ec2:DescribeSubnets'],
  rows(evidence) {
    return parsedDocuments(evidence, 'ec2:DescribeSubnets', describeSubnetsShape).flatMap(
      ({ body, place }) =>
        body.Subnets.map((subnet) => {
          // Older captures predate SubnetArn; its form is fixed, with the owner as account.
          const arn =
            subnet.SubnetArn ??
            ec2Arn(
              { ...place, accountId: subnet.OwnerId ?? place.accountId },
              `subnet/${subnet.SubnetId}`,
            );
          return {
            subnet_id: subnet.SubnetId,
            subnet_arn: arn,
            vpc_id: known(subnet.VpcId),
            cidr_block: cidrValue(subnet.CidrBlock),
            state: known(subnet.State),
            owner_id: known(subnet.OwnerId),
            assign_ipv6_address_on_creation: known(subnet.AssignIpv6AddressOnCreation),
            available_ip_address_count: known(subnet.AvailableIpAddressCount),
            availability_zone: known(subnet.AvailabilityZone),
            availability_zone_id: known(subnet.AvailabilityZoneId),
            customer_owned_ipv4_pool: known(subnet.CustomerOwnedIpv4Pool),
            default_for_az: known(subnet.DefaultForAz),
            map_customer_owned_ip_on_launch: known(subnet.MapCustomerOwnedIpOnLaunch),
            map_public_ip_on_launch: known(subnet.MapPublicIpOnLaunch),
            outpost_arn: known(subnet.OutpostArn),
            ipv6_cidr_block_association_set: known(subnet.Ipv6CidrBlockAssociationSet),
            ...tagColumns(subnet.Tags),
            title: nameOr(subnet.Tags, subnet.SubnetId),
            akas: [arn],
            ...placeColumns(place),
          };
        }),
    );
  },
  key: (row) => String(row['subnet_id']),
};
