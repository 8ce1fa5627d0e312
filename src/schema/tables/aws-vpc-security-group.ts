import { describeSecurityGroupsShape } from '../aws-shapes/ec2-security-group-shapes.js';
import type { TableDefinition } from '../table-definition.js';
import { column, standardColumns, tagsSrcColumn } from './ec2-columns.js';
import { ec2Arn, known, parsedDocuments, placeColumns, tagColumns } from './ec2-row-values.js';

const columns = [
  column('group_name', 'text', 'The name of the security group.'),
  column('group_id', 'text', 'The ID of the security group.'),
  column('arn', 'text', 'The ARN of the security group.'),
  column('description', 'text', 'The description of the security group.'),
  column('vpc_id', 'text', 'The ID of the VPC of the security group.'),
  column('owner_id', 'text', 'The ID of the AWS account that owns the security group.'),
  column('ip_permissions', 'jsonb', 'The inbound rules of the security group.'),
  column('ip_permissions_egress', 'jsonb', 'The outbound rules of the security group.'),
  tagsSrcColumn('security group'),
  ...standardColumns(),
];

/** aws_vpc_security_group: one row per security group of DescribeSecurityGroups. */
export const awsVpcSecurityGroupTable: TableDefinition = {
  name: 'aws_vpc_security_group',
  scope: 'regional',
  columns,
  sources: ['ec2:DescribeSecurityGroups'],
  rows(evidence) {
    return parsedDocuments(
      evidence,
      'ec2:DescribeSecurityGroups',
      describeSecurityGroupsShape,
    ).flatMap(({ body, place }) =>
      body.SecurityGroups.map((group) => {
        const arn = ec2Arn(place, `security-group/${group.GroupId}`);
        return {
          group_name: known(group.GroupName),
          group_id: group.GroupId,
          arn,
          description: known(group.Description),
          vpc_id: known(group.VpcId),
          owner_id: known(group.OwnerId),
          ip_permissions: known(group.IpPermissions),
          ip_permissions_egress: known(group.IpPermissionsEgress),
          ...tagColumns(group.Tags),
          // Steampipe titles a security group by its name, not by its Name tag.
          title: group.GroupName ?? group.GroupId,
          akas: [arn],
          ...placeColumns(place),
        };
      }),
    );
  },
  key: (row) => String(row['group_id']),
};
