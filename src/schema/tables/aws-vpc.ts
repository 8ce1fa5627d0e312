import { describeVpcsShape } from '../aws-shapes/ec2-vpc-shapes.js';
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
  column('vpc_id', 'text', 'The ID of the VPC.'),
  column('arn', 'text', 'The ARN of the VPC.'),
  column('cidr_block', 'cidr', 'The primary IPv4 CIDR block of the VPC.'),
  column('state', 'text', 'The current state of the VPC.'),
  column('is_default', 'boolean', 'Whether this is the default VPC.'),
  column('dhcp_options_id', 'text', 'The ID of the DHCP options set of the VPC.'),
  column('instance_tenancy', 'text', 'The allowed tenancy of instances launched into the VPC.'),
  column('owner_id', 'text', 'The ID of the AWS account that owns the VPC.'),
  column('cidr_block_association_set', 'jsonb', 'The IPv4 CIDR blocks associated with the VPC.'),
  column('ipv6_cidr_block_association_set', 'jsonb', 'The IPv6 CIDR blocks of the VPC.'),
  tagsSrcColumn('VPC'),
  ...standardColumns(),
];

/** aws_vpc: one row per VPC of DescribeVpcs. */
export const awsVpcTable: TableDefinition = {
  name: 'aws_vpc',
  scope: 'regional',
  columns,
  sources: ['ec2:DescribeVpcs'],
  rows(evidence) {
    return parsedDocuments(evidence, 'ec2:DescribeVpcs', describeVpcsShape).flatMap(
      ({ body, place }) =>
        body.Vpcs.map((vpc) => {
          const arn = ec2Arn(place, `vpc/${vpc.VpcId}`);
          return {
            vpc_id: vpc.VpcId,
            arn,
            cidr_block: cidrValue(vpc.CidrBlock),
            state: known(vpc.State),
            is_default: known(vpc.IsDefault),
            dhcp_options_id: known(vpc.DhcpOptionsId),
            instance_tenancy: known(vpc.InstanceTenancy),
            owner_id: known(vpc.OwnerId),
            cidr_block_association_set: known(vpc.CidrBlockAssociationSet),
            ipv6_cidr_block_association_set: known(vpc.Ipv6CidrBlockAssociationSet),
            ...tagColumns(vpc.Tags),
            title: nameOr(vpc.Tags, vpc.VpcId),
            akas: [arn],
            ...placeColumns(place),
          };
        }),
    );
  },
  key: (row) => String(row['vpc_id']),
};
