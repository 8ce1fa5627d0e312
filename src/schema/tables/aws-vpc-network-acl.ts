import { describeNetworkAclsShape } from '../aws-shapes/ec2-network-shapes.js';
import type { TableDefinition } from '../table-definition.js';
import { column, standardColumns, tagsSrcColumn } from './ec2-columns.js';
import {
  ec2Arn,
  known,
  nameOr,
  parsedDocuments,
  placeColumns,
  tagColumns,
} from './ec2-row-values.js';

const columns = [
  column('network_acl_id', 'text', 'The ID of the network ACL.'),
  column('arn', 'text', 'The ARN of the network ACL.'),
  column('is_default', 'boolean', 'Whether this is the default network ACL of the VPC.'),
  column('vpc_id', 'text', 'The ID of the VPC of the network ACL.'),
  column('owner_id', 'text', 'The ID of the AWS account that owns the network ACL.'),
  column('associations', 'jsonb', 'The associations with subnets.'),
  column('entries', 'jsonb', 'The entries (rules) of the network ACL.'),
  tagsSrcColumn('network ACL'),
  ...standardColumns(),
];

/** aws_vpc_network_acl: one row per network ACL of DescribeNetworkAcls. */
export const awsVpcNetworkAclTable: TableDefinition = {
  name: 'aws_vpc_network_acl',
  scope: 'regional',
  columns,
  sources: ['ec2:DescribeNetworkAcls'],
  rows(evidence) {
    return parsedDocuments(evidence, 'ec2:DescribeNetworkAcls', describeNetworkAclsShape).flatMap(
      ({ body, place }) =>
        body.NetworkAcls.map((acl) => {
          const arn = ec2Arn(place, `network-acl/${acl.NetworkAclId}`);
          return {
            network_acl_id: acl.NetworkAclId,
            arn,
            is_default: known(acl.IsDefault),
            vpc_id: known(acl.VpcId),
            owner_id: known(acl.OwnerId),
            associations: known(acl.Associations),
            entries: known(acl.Entries),
            ...tagColumns(acl.Tags),
            title: nameOr(acl.Tags, acl.NetworkAclId),
            akas: [arn],
            ...placeColumns(place),
          };
        }),
    );
  },
  key: (row) => String(row['network_acl_id']),
};
