import type { TableDefinition } from '../table-definition.js';
import { awsEbsVolumeTable } from './aws-ebs-volume.js';
import { awsEc2InstanceTable } from './aws-ec2-instance.js';
import { awsEc2KeyPairTable } from './aws-ec2-key-pair.js';
import { awsEc2NetworkInterfaceTable } from './aws-ec2-network-interface.js';
import { awsVpcTable } from './aws-vpc.js';
import { awsVpcEipTable } from './aws-vpc-eip.js';
import { awsVpcInternetGatewayTable } from './aws-vpc-internet-gateway.js';
import { awsVpcNatGatewayTable } from './aws-vpc-nat-gateway.js';
import { awsVpcNetworkAclTable } from './aws-vpc-network-acl.js';
import { awsVpcPeeringConnectionTable } from './aws-vpc-peering-connection.js';
import { awsVpcRouteTableTable } from './aws-vpc-route-table.js';
import { awsVpcSecurityGroupTable } from './aws-vpc-security-group.js';
import { awsVpcSecurityGroupRuleTable } from './aws-vpc-security-group-rule.js';
import { awsVpcSubnetTable } from './aws-vpc-subnet.js';

/** The EC2 and VPC tables. */
export const ec2Tables: readonly TableDefinition[] = [
  awsEc2InstanceTable,
  awsVpcTable,
  awsVpcSubnetTable,
  awsVpcSecurityGroupTable,
  awsVpcSecurityGroupRuleTable,
  awsVpcPeeringConnectionTable,
  awsVpcRouteTableTable,
  awsVpcNetworkAclTable,
  awsEc2NetworkInterfaceTable,
  awsEbsVolumeTable,
  awsEc2KeyPairTable,
  awsVpcInternetGatewayTable,
  awsVpcNatGatewayTable,
  awsVpcEipTable,
];
