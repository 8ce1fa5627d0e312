import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasSharedData, sharedDataPath, sharedDataSkipNote } from '../../../test/shared-data.js';
import type { ApiId } from '../../evidence/api-catalog.js';
import type { Row } from '../column.js';
import { createScopeEvidence } from '../scope-evidence.js';
import type { TableDefinition } from '../table-definition.js';
import { awsEbsVolumeTable } from './aws-ebs-volume.js';
import { awsEc2KeyPairTable } from './aws-ec2-key-pair.js';
import { awsEc2NetworkInterfaceTable } from './aws-ec2-network-interface.js';
import { awsVpcTable } from './aws-vpc.js';
import { awsVpcEipTable } from './aws-vpc-eip.js';
import { awsVpcInternetGatewayTable } from './aws-vpc-internet-gateway.js';
import { awsVpcNatGatewayTable } from './aws-vpc-nat-gateway.js';
import { awsVpcNetworkAclTable } from './aws-vpc-network-acl.js';
import { awsVpcPeeringConnectionTable } from './aws-vpc-peering-connection.js';
import { awsVpcRouteTableTable } from './aws-vpc-route-table.js';
import { awsVpcSubnetTable } from './aws-vpc-subnet.js';

const account = '123456789012';

function rowsOf(table: TableDefinition, api: ApiId, file: string, body?: unknown): Row[] {
  const document = {
    api,
    accountId: account,
    region: 'us-east-1',
    body: body ?? JSON.parse(readFileSync(sharedDataPath(file), 'utf8')),
    source: file,
  };
  return table.rows(createScopeEvidence(account, 'us-east-1', [document]));
}

/** One response of botocore's AWS-written EC2 examples. */
function botocoreExample(operation: string, index = 0): unknown {
  const file = 'botocore-examples/botocore/data/ec2/2016-11-15/examples-1.json';
  const examples = JSON.parse(readFileSync(sharedDataPath(file), 'utf8')) as {
    examples: Record<string, { output?: unknown }[]>;
  };
  return examples.examples[operation]?.[index]?.output;
}

const demo = 'cloudmapper/account-data/demo/us-east-1';
const captures = 'aws-api-captures';

describe.skipIf(!hasSharedData)(
  `VPC tables from real evidence${hasSharedData ? '' : ` (${sharedDataSkipNote})`}`,
  () => {
    it('aws_vpc and aws_vpc_subnet: the demo VPC and its 4 subnets', () => {
      const vpcs = rowsOf(awsVpcTable, 'ec2:DescribeVpcs', `${demo}/ec2-describe-vpcs.json`);
      expect(vpcs).toEqual([
        expect.objectContaining({
          vpc_id: 'vpc-12345678',
          cidr_block: '10.0.0.0/16',
          is_default: true,
          title: 'Prod',
          tags: { Name: 'Prod' },
          owner_id: null,
          akas: ['arn:aws:ec2:us-east-1:123456789012:vpc/vpc-12345678'],
        }),
      ]);
      const subnets = rowsOf(
        awsVpcSubnetTable,
        'ec2:DescribeSubnets',
        `${demo}/ec2-describe-subnets.json`,
      );
      expect(subnets.map((row) => row['cidr_block'])).toEqual([
        '10.0.0.0/24',
        '10.0.1.0/24',
        '10.0.2.0/24',
        '10.0.3.0/24',
      ]);
      expect(subnets.find((row) => row['subnet_id'] === 'subnet-00000003')).toMatchObject({
        title: 'Private 1a',
        map_public_ip_on_launch: false,
        available_ip_address_count: 4091,
        // The demo predates SubnetArn; the ARN is built in its fixed form.
        subnet_arn: 'arn:aws:ec2:us-east-1:123456789012:subnet/subnet-00000003',
      });
    });

    it('aws_ec2_network_interface: the demo ENI with its public association', () => {
      const enis = rowsOf(
        awsEc2NetworkInterfaceTable,
        'ec2:DescribeNetworkInterfaces',
        `${demo}/ec2-describe-network-interfaces.json`,
      );
      expect(enis).toHaveLength(1);
      expect(enis[0]).toMatchObject({
        network_interface_id: 'eni-00000001',
        private_ip_address: '172.31.48.168',
        association_public_ip: '3.80.3.41',
        association_ip_owner_id: 'amazon',
        attachment_time: '2018-11-27T03:36:34.000Z',
        device_index: 1,
        requester_managed: true,
        tags: {},
        tags_src: [],
        groups: [{ GroupId: 'sg-00000008', GroupName: 'Public' }],
        attached_instance_id: null,
      });
    });

    it('aws_vpc_route_table: IGW, NAT and peering routes', () => {
      const peered = rowsOf(
        awsVpcRouteTableTable,
        'ec2:DescribeRouteTables',
        `${captures}/test_peer_miss_route_filter_not_found/ec2.DescribeRouteTables_1.json`,
      );
      expect(peered).toHaveLength(4);
      const routes = peered.find((row) => row['route_table_id'] === 'rtb-0d91a368')?.['routes'];
      expect(routes).toContainEqual(
        expect.objectContaining({
          DestinationCidrBlock: '172.20.0.0/16',
          VpcPeeringConnectionId: 'pcx-36096b5f',
        }),
      );
      const natted = rowsOf(
        awsVpcRouteTableTable,
        'ec2:DescribeRouteTables',
        `${captures}/test_cross_az_nat_gateway_route_filter/ec2.DescribeRouteTables_1.json`,
      );
      expect(natted).toHaveLength(13);
      const natRoutes = natted.find((row) => row['route_table_id'] === 'rtb-0790946c364d31f08');
      expect(natRoutes?.['routes']).toContainEqual(
        expect.objectContaining({
          DestinationCidrBlock: '0.0.0.0/0',
          NatGatewayId: 'nat-06e9acaa9c0ab8799',
        }),
      );
      expect(natRoutes?.['akas']).toEqual([
        'arn:aws:ec2:us-east-1:123456789012:route-table/rtb-0790946c364d31f08',
      ]);
    });

    it('aws_vpc_peering_connection: both sides of pcx-36096b5f', () => {
      const peerings = rowsOf(
        awsVpcPeeringConnectionTable,
        'ec2:DescribeVpcPeeringConnections',
        `${captures}/test_peer_miss_route_filter/ec2.DescribeVpcPeeringConnections_1.json`,
      );
      expect(peerings).toEqual([
        expect.objectContaining({
          id: 'pcx-36096b5f',
          status_code: 'active',
          accepter_vpc_id: 'vpc-1cc8e779',
          accepter_cidr_block: '10.0.0.0/16',
          accepter_owner_id: '619193117841',
          requester_vpc_id: 'vpc-cb3e8cae',
          requester_cidr_block: '172.20.0.0/16',
          accepter_region: null,
          title: 'pcx-36096b5f',
          tags: { Name: 'notable' },
        }),
      ]);
      const none = rowsOf(
        awsVpcPeeringConnectionTable,
        'ec2:DescribeVpcPeeringConnections',
        `${demo}/ec2-describe-vpc-peering-connections.json`,
      );
      expect(none).toEqual([]);
    });

    it('aws_vpc_nat_gateway: two gateways with their Name tags', () => {
      const gateways = rowsOf(
        awsVpcNatGatewayTable,
        'ec2:DescribeNatGateways',
        `${captures}/test_cross_az_nat_gateway_route_filter/ec2.DescribeNatGateways_1.json`,
      );
      expect(gateways.map((row) => [row['nat_gateway_id'], row['title']])).toEqual([
        ['nat-0df07e596f7513ead', 'us-west-2b'],
        ['nat-06e9acaa9c0ab8799', 'us-west-2a'],
      ]);
      expect(gateways[0]).toMatchObject({
        arn: 'arn:aws:ec2:us-east-1:123456789012:natgateway/nat-0df07e596f7513ead',
        create_time: '2022-05-30T07:06:33.000Z',
        subnet_id: 'subnet-0845061a295aef2b6',
        delete_time: null,
      });
    });

    it('aws_ebs_volume and aws_ec2_key_pair', () => {
      const volumes = rowsOf(
        awsEbsVolumeTable,
        'ec2:DescribeVolumes',
        `${captures}/test_ebs_modifyable_filter/ec2.DescribeVolumes_1.json`,
      );
      expect(volumes).toHaveLength(6);
      expect(volumes.find((row) => row['volume_id'] === 'vol-0e4cba7adc4764f79')).toMatchObject({
        volume_type: 'io1',
        size: 16,
        iops: 400,
        encrypted: false,
        title: 'OnlineResizer',
        create_time: '2017-07-11T08:28:59.998Z',
        auto_enable_io: null,
        product_codes: null,
      });
      const untagged = volumes.find((row) => row['volume_id'] === 'vol-091e2a63a6e4da54d');
      expect(untagged).toMatchObject({
        state: 'available',
        tags: null,
        title: 'vol-091e2a63a6e4da54d',
      });

      const keys = rowsOf(
        awsEc2KeyPairTable,
        'ec2:DescribeKeyPairs',
        `${captures}/test_vpc_unused_key_delete/ec2.DescribeKeyPairs_1.json`,
      );
      expect(keys.map((row) => row['key_name'])).toEqual(['delete', 'dont delete']);
      expect(keys[1]).toMatchObject({
        key_pair_id: 'key-07e61731992e3461a',
        akas: ['arn:aws:ec2:us-east-1:123456789012:key-pair/dont delete'],
        public_key: null,
      });
    });

    it('aws_vpc_network_acl, aws_vpc_internet_gateway, aws_vpc_eip from AWS examples', () => {
      const acls = rowsOf(
        awsVpcNetworkAclTable,
        'ec2:DescribeNetworkAcls',
        'botocore',
        botocoreExample('DescribeNetworkAcls'),
      );
      expect(acls).toEqual([
        expect.objectContaining({
          network_acl_id: 'acl-5fb85d36',
          is_default: false,
          vpc_id: 'vpc-a01106c2',
        }),
      ]);
      expect(acls[0]?.['entries']).toHaveLength(2);
      const gateways = rowsOf(
        awsVpcInternetGatewayTable,
        'ec2:DescribeInternetGateways',
        'botocore',
        botocoreExample('DescribeInternetGateways'),
      );
      expect(gateways[0]).toMatchObject({
        internet_gateway_id: 'igw-c0a643a9',
        attachments: [{ State: 'available', VpcId: 'vpc-a01106c2' }],
        title: 'igw-c0a643a9',
      });
      const addresses = rowsOf(
        awsVpcEipTable,
        'ec2:DescribeAddresses',
        'botocore',
        botocoreExample('DescribeAddresses'),
      );
      expect(addresses).toHaveLength(2);
      // An EC2-Classic address: no allocation id, so no ARN; titled by its IP.
      expect(addresses[0]).toMatchObject({
        domain: 'standard',
        arn: null,
        akas: null,
        title: '198.51.100.0',
      });
      expect(addresses[1]).toMatchObject({
        allocation_id: 'eipalloc-12345678',
        arn: 'arn:aws:ec2:us-east-1:123456789012:elastic-ip/eipalloc-12345678',
        public_ip: '203.0.113.0',
        private_ip_address: '10.0.1.241',
        network_interface_id: 'eni-12345678',
      });
    });
  },
);
