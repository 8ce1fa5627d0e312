import { z } from 'zod';
import { anyJson, optionalBoolean, optionalText, tagListShape } from './ec2-common-shapes.js';

const peeringVpcInfoShape = z
  .looseObject({
    CidrBlock: optionalText,
    OwnerId: optionalText,
    Region: optionalText,
    VpcId: optionalText,
    CidrBlockSet: anyJson,
    Ipv6CidrBlockSet: anyJson,
    PeeringOptions: anyJson,
  })
  .nullish();

/** `aws ec2 describe-vpc-peering-connections` output. */
export const describeVpcPeeringConnectionsShape = z.looseObject({
  VpcPeeringConnections: z.array(
    z.looseObject({
      VpcPeeringConnectionId: z.string(),
      Status: z.looseObject({ Code: optionalText, Message: optionalText }).nullish(),
      AccepterVpcInfo: peeringVpcInfoShape,
      RequesterVpcInfo: peeringVpcInfoShape,
      ExpirationTime: optionalText,
      Tags: tagListShape,
    }),
  ),
});

/** `aws ec2 describe-route-tables` output. */
export const describeRouteTablesShape = z.looseObject({
  RouteTables: z.array(
    z.looseObject({
      RouteTableId: z.string(),
      VpcId: optionalText,
      OwnerId: optionalText,
      Associations: anyJson,
      Routes: anyJson,
      PropagatingVgws: anyJson,
      Tags: tagListShape,
    }),
  ),
});

/** `aws ec2 describe-network-acls` output. */
export const describeNetworkAclsShape = z.looseObject({
  NetworkAcls: z.array(
    z.looseObject({
      NetworkAclId: z.string(),
      IsDefault: optionalBoolean,
      VpcId: optionalText,
      OwnerId: optionalText,
      Associations: anyJson,
      Entries: anyJson,
      Tags: tagListShape,
    }),
  ),
});

/** `aws ec2 describe-internet-gateways` output. */
export const describeInternetGatewaysShape = z.looseObject({
  InternetGateways: z.array(
    z.looseObject({
      InternetGatewayId: z.string(),
      OwnerId: optionalText,
      Attachments: anyJson,
      Tags: tagListShape,
    }),
  ),
});

/** `aws ec2 describe-nat-gateways` output. */
export const describeNatGatewaysShape = z.looseObject({
  NatGateways: z.array(
    z.looseObject({
      NatGatewayId: z.string(),
      NatGatewayAddresses: anyJson,
      State: optionalText,
      CreateTime: optionalText,
      VpcId: optionalText,
      SubnetId: optionalText,
      DeleteTime: optionalText,
      FailureCode: optionalText,
      FailureMessage: optionalText,
      ProvisionedBandwidth: anyJson,
      Tags: tagListShape,
    }),
  ),
});

/** `aws ec2 describe-addresses` output. */
export const describeAddressesShape = z.looseObject({
  Addresses: z.array(
    z.looseObject({
      AllocationId: optionalText,
      PublicIp: optionalText,
      PublicIpv4Pool: optionalText,
      Domain: optionalText,
      AssociationId: optionalText,
      CarrierIp: optionalText,
      CustomerOwnedIp: optionalText,
      CustomerOwnedIpv4Pool: optionalText,
      InstanceId: optionalText,
      NetworkBorderGroup: optionalText,
      NetworkInterfaceId: optionalText,
      NetworkInterfaceOwnerId: optionalText,
      PrivateIpAddress: optionalText,
      Tags: tagListShape,
    }),
  ),
});
