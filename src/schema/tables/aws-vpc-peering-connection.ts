import { describeVpcPeeringConnectionsShape } from '../aws-shapes/ec2-network-shapes.js';
import type { TableDefinition } from '../table-definition.js';
import { column, standardColumns, tagsSrcColumn } from './ec2-columns.js';
import {
  cidrValue,
  ec2Arn,
  known,
  parsedDocuments,
  placeColumns,
  tagColumns,
  timestampValue,
} from './ec2-row-values.js';

const columns = [
  column('id', 'text', 'The ID of the VPC peering connection.'),
  column('status_code', 'text', 'The status (pending-acceptance, active, deleted, ...).'),
  column('accepter_cidr_block', 'cidr', 'The IPv4 CIDR block of the accepter VPC.'),
  column('accepter_owner_id', 'text', 'The account that owns the accepter VPC.'),
  column('accepter_region', 'text', 'The region of the accepter VPC.'),
  column('accepter_vpc_id', 'text', 'The ID of the accepter VPC.'),
  column('expiration_time', 'timestamptz', 'When an unaccepted peering connection expires.'),
  column('requester_cidr_block', 'cidr', 'The IPv4 CIDR block of the requester VPC.'),
  column('requester_owner_id', 'text', 'The account that owns the requester VPC.'),
  column('requester_region', 'text', 'The region of the requester VPC.'),
  column('requester_vpc_id', 'text', 'The ID of the requester VPC.'),
  column('status_message', 'text', 'A message about the status, if any.'),
  column('accepter_cidr_block_set', 'jsonb', 'The IPv4 CIDR blocks of the accepter VPC.'),
  column('accepter_ipv6_cidr_block_set', 'jsonb', 'The IPv6 CIDR blocks of the accepter VPC.'),
  column('accepter_peering_options', 'jsonb', 'The peering options of the accepter VPC.'),
  column('requester_cidr_block_set', 'jsonb', 'The IPv4 CIDR blocks of the requester VPC.'),
  column('requester_ipv6_cidr_block_set', 'jsonb', 'The IPv6 CIDR blocks of the requester VPC.'),
  column('requester_peering_options', 'jsonb', 'The peering options of the requester VPC.'),
  tagsSrcColumn('peering connection'),
  // Steampipe declares no akas for this table; lateral fills the framework's akas with the ARN.
  ...standardColumns(),
];

/** aws_vpc_peering_connection: one row per peering connection of DescribeVpcPeeringConnections. */
export const awsVpcPeeringConnectionTable: TableDefinition = {
  name: 'aws_vpc_peering_connection',
  scope: 'regional',
  columns,
  sources: ['ec2:DescribeVpcPeeringConnections'],
  rows(evidence) {
    return parsedDocuments(
      evidence,
      'ec2:DescribeVpcPeeringConnections',
      describeVpcPeeringConnectionsShape,
    ).flatMap(({ body, place }) =>
      body.VpcPeeringConnections.map((peering) => {
        const accepter = peering.AccepterVpcInfo;
        const requester = peering.RequesterVpcInfo;
        return {
          id: peering.VpcPeeringConnectionId,
          status_code: known(peering.Status?.Code),
          accepter_cidr_block: cidrValue(accepter?.CidrBlock),
          accepter_owner_id: known(accepter?.OwnerId),
          accepter_region: known(accepter?.Region),
          accepter_vpc_id: known(accepter?.VpcId),
          expiration_time: timestampValue(peering.ExpirationTime),
          requester_cidr_block: cidrValue(requester?.CidrBlock),
          requester_owner_id: known(requester?.OwnerId),
          requester_region: known(requester?.Region),
          requester_vpc_id: known(requester?.VpcId),
          status_message: known(peering.Status?.Message),
          accepter_cidr_block_set: known(accepter?.CidrBlockSet),
          accepter_ipv6_cidr_block_set: known(accepter?.Ipv6CidrBlockSet),
          accepter_peering_options: known(accepter?.PeeringOptions),
          requester_cidr_block_set: known(requester?.CidrBlockSet),
          requester_ipv6_cidr_block_set: known(requester?.Ipv6CidrBlockSet),
          requester_peering_options: known(requester?.PeeringOptions),
          ...tagColumns(peering.Tags),
          title: peering.VpcPeeringConnectionId,
          akas: [ec2Arn(place, `vpc-peering-connection/${peering.VpcPeeringConnectionId}`)],
          ...placeColumns(place),
        };
      }),
    );
  },
  key: (row) => String(row['id']),
};
