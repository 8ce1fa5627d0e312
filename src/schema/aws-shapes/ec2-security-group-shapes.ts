import { z } from 'zod';
import {
  optionalBoolean,
  optionalNumber,
  optionalText,
  tagListShape,
} from './ec2-common-shapes.js';

const withDescription = { Description: optionalText };

/** A referenced security group, in a permission or a rule. */
export const groupReferenceShape = z.looseObject({
  GroupId: optionalText,
  GroupName: optionalText,
  PeeringStatus: optionalText,
  UserId: optionalText,
  VpcId: optionalText,
  VpcPeeringConnectionId: optionalText,
  ...withDescription,
});

/** One entry of a security group's IpPermissions or IpPermissionsEgress. */
export const ipPermissionShape = z.looseObject({
  IpProtocol: optionalText,
  FromPort: optionalNumber,
  ToPort: optionalNumber,
  IpRanges: z.array(z.looseObject({ CidrIp: optionalText, ...withDescription })).nullish(),
  Ipv6Ranges: z.array(z.looseObject({ CidrIpv6: optionalText, ...withDescription })).nullish(),
  PrefixListIds: z
    .array(z.looseObject({ PrefixListId: optionalText, ...withDescription }))
    .nullish(),
  UserIdGroupPairs: z.array(groupReferenceShape).nullish(),
});

export type IpPermissionShape = z.infer<typeof ipPermissionShape>;

/** One security group of `aws ec2 describe-security-groups`. */
export const securityGroupShape = z.looseObject({
  GroupId: z.string(),
  GroupName: optionalText,
  Description: optionalText,
  VpcId: optionalText,
  OwnerId: optionalText,
  IpPermissions: z.array(ipPermissionShape).nullish(),
  IpPermissionsEgress: z.array(ipPermissionShape).nullish(),
  Tags: tagListShape,
});

export type SecurityGroupShape = z.infer<typeof securityGroupShape>;

export const describeSecurityGroupsShape = z.looseObject({
  SecurityGroups: z.array(securityGroupShape),
});

/** One rule of `aws ec2 describe-security-group-rules`. */
export const securityGroupRuleShape = z.looseObject({
  SecurityGroupRuleId: z.string(),
  GroupId: optionalText,
  GroupOwnerId: optionalText,
  IsEgress: optionalBoolean,
  IpProtocol: optionalText,
  FromPort: optionalNumber,
  ToPort: optionalNumber,
  CidrIpv4: optionalText,
  CidrIpv6: optionalText,
  PrefixListId: optionalText,
  ReferencedGroupInfo: groupReferenceShape.nullish(),
  Description: optionalText,
  Tags: tagListShape,
});

export type SecurityGroupRuleShape = z.infer<typeof securityGroupRuleShape>;

export const describeSecurityGroupRulesShape = z.looseObject({
  SecurityGroupRules: z.array(securityGroupRuleShape),
});
