import { z } from 'zod';
import {
  anyJson,
  optionalBoolean,
  optionalNumber,
  optionalText,
  tagListShape,
} from './ec2-common-shapes.js';

/** `aws ec2 describe-network-interfaces` output. */
export const describeNetworkInterfacesShape = z.looseObject({
  NetworkInterfaces: z.array(
    z.looseObject({
      NetworkInterfaceId: z.string(),
      Status: optionalText,
      InterfaceType: optionalText,
      Description: optionalText,
      AvailabilityZone: optionalText,
      OwnerId: optionalText,
      DenyAllIgwTraffic: optionalBoolean,
      Ipv6Native: optionalBoolean,
      Ipv6Address: optionalText,
      Association: z
        .looseObject({
          AllocationId: optionalText,
          AssociationId: optionalText,
          CarrierIp: optionalText,
          CustomerOwnedIp: optionalText,
          IpOwnerId: optionalText,
          PublicDnsName: optionalText,
          PublicIp: optionalText,
        })
        .nullish(),
      Attachment: z
        .looseObject({
          AttachmentId: optionalText,
          AttachTime: optionalText,
          DeleteOnTermination: optionalBoolean,
          DeviceIndex: optionalNumber,
          InstanceId: optionalText,
          InstanceOwnerId: optionalText,
          Status: optionalText,
        })
        .nullish(),
      MacAddress: optionalText,
      OutpostArn: optionalText,
      PrivateDnsName: optionalText,
      PrivateIpAddress: optionalText,
      RequesterId: optionalText,
      RequesterManaged: optionalBoolean,
      SourceDestCheck: optionalBoolean,
      SubnetId: optionalText,
      VpcId: optionalText,
      Groups: anyJson,
      Ipv6Addresses: anyJson,
      PrivateIpAddresses: anyJson,
      ConnectionTrackingConfiguration: anyJson,
      Ipv6Prefixes: anyJson,
      Ipv4Prefixes: anyJson,
      TagSet: tagListShape,
    }),
  ),
});
