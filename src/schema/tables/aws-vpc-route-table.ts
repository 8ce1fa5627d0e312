import { describeRouteTablesShape } from '../aws-shapes/ec2-network-shapes.js';
import type { TableDefinition } from '../table-definition.js';
import { column, standardColumns, tagsSrcColumn } from './ec2-columns.js';
import { ec2Arn, known, parsedDocuments, placeColumns, tagColumns } from './ec2-row-values.js';

const columns = [
  column('route_table_id', 'text', 'The ID of the route table.'),
  column('vpc_id', 'text', 'The ID of the VPC.'),
  column('owner_id', 'text', 'The ID of the AWS account that owns the route table.'),
  column('associations', 'jsonb', 'The associations with subnets or gateways.'),
  column('routes', 'jsonb', 'The routes of the route table.'),
  column('propagating_vgws', 'jsonb', 'The virtual private gateways propagating routes.'),
  tagsSrcColumn('route table'),
  ...standardColumns(),
];

/** aws_vpc_route_table: one row per route table of DescribeRouteTables. */
export const awsVpcRouteTableTable: TableDefinition = {
  name: 'aws_vpc_route_table',
  scope: 'regional',
  columns,
  sources: ['ec2:DescribeRouteTables'],
  rows(evidence) {
    return parsedDocuments(evidence, 'ec2:DescribeRouteTables', describeRouteTablesShape).flatMap(
      ({ body, place }) =>
        body.RouteTables.map((table) => ({
          route_table_id: table.RouteTableId,
          vpc_id: known(table.VpcId),
          owner_id: known(table.OwnerId),
          associations: known(table.Associations),
          routes: known(table.Routes),
          propagating_vgws: known(table.PropagatingVgws),
          ...tagColumns(table.Tags),
          // Steampipe titles a route table by its id, not by its Name tag.
          title: table.RouteTableId,
          akas: [ec2Arn(place, `route-table/${table.RouteTableId}`)],
          ...placeColumns(place),
        })),
    );
  },
  key: (row) => String(row['route_table_id']),
};
