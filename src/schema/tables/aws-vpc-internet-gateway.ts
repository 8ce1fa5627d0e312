import { describeInternetGatewaysShape } from '../aws-shapes/ec2-network-shapes.js';
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
  column('internet_gateway_id', 'text', 'The ID of the internet gateway.'),
  column('owner_id', 'text', 'The ID of the AWS account that owns the internet gateway.'),
  column('attachments', 'jsonb', 'The VPCs attached to the internet gateway.'),
  tagsSrcColumn('internet gateway'),
  ...standardColumns(),
];

/** aws_vpc_internet_gateway: one row per internet gateway of DescribeInternetGateways. */
export const awsVpcInternetGatewayTable: TableDefinition = {
  name: 'aws_vpc_internet_gateway',
  scope: 'regional',
  columns,
  sources: ['ec2:DescribeInternetGateways'],
  rows(evidence) {
    return parsedDocuments(
      evidence,
      'ec2:DescribeInternetGateways',
      describeInternetGatewaysShape,
    ).flatMap(({ body, place }) =>
      body.InternetGateways.map((gateway) => ({
        internet_gateway_id: gateway.InternetGatewayId,
        owner_id: known(gateway.OwnerId),
        attachments: known(gateway.Attachments),
        ...tagColumns(gateway.Tags),
        title: nameOr(gateway.Tags, gateway.InternetGatewayId),
        akas: [ec2Arn(place, `internet-gateway/${gateway.InternetGatewayId}`)],
        ...placeColumns(place),
      })),
    );
  },
  key: (row) => String(row['internet_gateway_id']),
};
