import { describeNatGatewaysShape } from '../aws-shapes/ec2-network-shapes.js';
import type { TableDefinition } from '../table-definition.js';
import { column, standardColumns, tagsSrcColumn } from './ec2-columns.js';
import {
  ec2Arn,
  known,
  nameOr,
  parsedDocuments,
  placeColumns,
  tagColumns,
  timestampValue,
} from './ec2-row-values.js';

const columns = [
  column('nat_gateway_id', 'text', 'The ID of the NAT gateway.'),
  column('arn', 'text', 'The ARN of the NAT gateway.'),
  column('nat_gateway_addresses', 'jsonb', 'The IP addresses and interface of the gateway.'),
  column('state', 'text', 'The state (pending, failed, available, deleting, deleted).'),
  column('create_time', 'timestamptz', 'When the NAT gateway was created.'),
  column('vpc_id', 'text', 'The ID of the VPC of the NAT gateway.'),
  column('subnet_id', 'text', 'The ID of the subnet of the NAT gateway.'),
  column('delete_time', 'timestamptz', 'When the NAT gateway was deleted, if it was.'),
  column('failure_code', 'text', 'The error code, if the gateway could not be created.'),
  column('failure_message', 'text', 'The error message, if the gateway could not be created.'),
  column('provisioned_bandwidth', 'jsonb', 'Reserved by AWS.'),
  tagsSrcColumn('NAT gateway'),
  ...standardColumns(),
];

/** aws_vpc_nat_gateway: one row per NAT gateway of DescribeNatGateways. */
export const awsVpcNatGatewayTable: TableDefinition = {
  name: 'aws_vpc_nat_gateway',
  scope: 'regional',
  columns,
  sources: ['ec2:DescribeNatGateways'],
  rows(evidence) {
    return parsedDocuments(evidence, 'ec2:DescribeNatGateways', describeNatGatewaysShape).flatMap(
      ({ body, place }) =>
        body.NatGateways.map((gateway) => {
          const arn = ec2Arn(place, `natgateway/${gateway.NatGatewayId}`);
          return {
            nat_gateway_id: gateway.NatGatewayId,
            arn,
            nat_gateway_addresses: known(gateway.NatGatewayAddresses),
            state: known(gateway.State),
            create_time: timestampValue(gateway.CreateTime),
            vpc_id: known(gateway.VpcId),
            subnet_id: known(gateway.SubnetId),
            delete_time: timestampValue(gateway.DeleteTime),
            failure_code: known(gateway.FailureCode),
            failure_message: known(gateway.FailureMessage),
            provisioned_bandwidth: known(gateway.ProvisionedBandwidth),
            ...tagColumns(gateway.Tags),
            title: nameOr(gateway.Tags, gateway.NatGatewayId),
            akas: [arn],
            ...placeColumns(place),
          };
        }),
    );
  },
  key: (row) => String(row['nat_gateway_id']),
};
