import { z } from 'zod';
import {
  anyJson,
  optionalBoolean,
  optionalNumber,
  optionalText,
  tagListShape,
} from './ec2-common-shapes.js';

/** One VPC of `aws ec2 describe-vpcs`. */
export const vpcShape = z.looseObject({
  VpcId: z.string(),
  CidrBlock: optionalText,
  State: optionalText,
  IsDefault: optionalBoolean,
  DhcpOptionsId: optionalText,
  InstanceTenancy: optionalText,
  OwnerId: optionalText,
  CidrBlockAssociationSet: anyJson,
  Ipv6CidrBlockAssociationSet: anyJson,
  Tags: tagListShape,
});

export const describeVpcsShape = z.looseObject({ Vpcs: z.array(vpcShape) });

/** One subnet of `aws ec2 describe-subnets`. */
export const subnetShape = z.looseObject({
  SubnetId: z.string(),
  SubnetArn: optionalText,
  VpcId: optionalText,
  CidrBlock: optionalText,
  State: optionalText,
  OwnerId: optionalText,
  AssignIpv6AddressOnCreation: optionalBoolean,
  AvailableIpAddressCount: optionalNumber,
  AvailabilityZone: optionalText,
  AvailabilityZoneId: optionalText,
  CustomerOwnedIpv4Pool: optionalText,
  DefaultForAz: optionalBoolean,
  MapCustomerOwnedIpOnLaunch: optionalBoolean,
  MapPublicIpOnLaunch: optionalBoolean,
  OutpostArn: optionalText,
  Ipv6CidrBlockAssociationSet: anyJson,
  Tags: tagListShape,
});

export const describeSubnetsShape = z.looseObject({ Subnets: z.array(subnetShape) });
