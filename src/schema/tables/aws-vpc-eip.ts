import { describeAddressesShape } from '../aws-shapes/ec2-network-shapes.js';
import type { TableDefinition } from '../table-definition.js';
import { column, standardColumns, tagsSrcColumn } from './ec2-columns.js';
import {
  ec2Arn,
  inetValue,
  known,
  parsedDocuments,
  placeColumns,
  tagColumns,
} from './ec2-row-values.js';

const columns = [
  column('allocation_id', 'text', 'The allocation ID of the address (EC2-VPC).'),
  column('arn', 'text', 'The ARN of the Elastic IP; null in EC2-Classic.'),
  column('public_ip', 'inet', 'The Elastic IP address.'),
  column('public_ipv4_pool', 'text', 'The ID of the address pool.'),
  column('domain', 'text', 'standard (EC2-Classic) or vpc.'),
  column('association_id', 'text', 'The ID of the association with an instance or interface.'),
  column('carrier_ip', 'text', 'The carrier IP address (Wavelength Zones).'),
  column('customer_owned_ip', 'inet', 'The customer-owned IP address.'),
  column('customer_owned_ipv4_pool', 'text', 'The ID of the customer-owned address pool.'),
  column('instance_id', 'text', 'The ID of the instance the address is associated with.'),
  column('network_border_group', 'text', 'The zones from which AWS advertises the address.'),
  column('network_interface_id', 'text', 'The ID of the network interface.'),
  column('network_interface_owner_id', 'text', 'The account that owns the network interface.'),
  column('private_ip_address', 'inet', 'The private IP address associated with the address.'),
  tagsSrcColumn('Elastic IP'),
  ...standardColumns(),
];

/** aws_vpc_eip: one row per Elastic IP address of DescribeAddresses. */
export const awsVpcEipTable: TableDefinition = {
  name: 'aws_vpc_eip',
  scope: 'regional',
  columns,
  sources: ['ec2:DescribeAddresses'],
  rows(evidence) {
    return parsedDocuments(evidence, 'ec2:DescribeAddresses', describeAddressesShape).flatMap(
      ({ body, place }) =>
        body.Addresses.map((address) => {
          // An EC2-Classic address has no allocation id, so no ARN (as in Steampipe).
          const arn =
            address.AllocationId === undefined || address.AllocationId === null
              ? null
              : ec2Arn(place, `elastic-ip/${address.AllocationId}`);
          return {
            allocation_id: known(address.AllocationId),
            arn,
            public_ip: inetValue(address.PublicIp),
            public_ipv4_pool: known(address.PublicIpv4Pool),
            domain: known(address.Domain),
            association_id: known(address.AssociationId),
            carrier_ip: known(address.CarrierIp),
            customer_owned_ip: inetValue(address.CustomerOwnedIp),
            customer_owned_ipv4_pool: known(address.CustomerOwnedIpv4Pool),
            instance_id: known(address.InstanceId),
            network_border_group: known(address.NetworkBorderGroup),
            network_interface_id: known(address.NetworkInterfaceId),
            network_interface_owner_id: known(address.NetworkInterfaceOwnerId),
            private_ip_address: inetValue(address.PrivateIpAddress),
            ...tagColumns(address.Tags),
            title: address.AllocationId ?? address.PublicIp ?? null,
            akas: arn === null ? null : [arn],
            ...placeColumns(place),
          };
        }),
    );
  },
  key: (row) => String(row['allocation_id'] ?? row['public_ip']),
};
