import type {
  IpPermissionShape,
  SecurityGroupRuleShape,
  SecurityGroupShape,
} from '../aws-shapes/ec2-security-group-shapes.js';
import type { TagListShape } from '../aws-shapes/ec2-common-shapes.js';

/** What one security group rule says, from either of the two APIs that describe rules. */
export interface RuleFacts {
  /** Null for rules derived from DescribeSecurityGroups, which has no rule ids. */
  ruleId: string | null;
  groupId: string | null;
  groupName: string | null;
  groupVpcId: string | null;
  groupOwnerId: string | null;
  isEgress: boolean | null;
  ipProtocol: string | null;
  fromPort: number | null;
  toPort: number | null;
  cidrIpv4: string | null;
  cidrIpv6: string | null;
  prefixListId: string | null;
  referencedGroupId: string | null;
  referencedGroupName: string | null;
  referencedPeeringStatus: string | null;
  referencedUserId: string | null;
  referencedVpcId: string | null;
  referencedVpcPeeringConnectionId: string | null;
  description: string | null;
  tags: TagListShape;
}

/** Names and VPCs of the security groups of a scope, to fill the columns rules lack. */
export type GroupDetails = ReadonlyMap<string, { name: string | null; vpcId: string | null }>;

export function groupDetails(groups: readonly SecurityGroupShape[]): GroupDetails {
  return new Map(
    groups.map((group) => [
      group.GroupId,
      { name: group.GroupName ?? null, vpcId: group.VpcId ?? null },
    ]),
  );
}

const noTarget = {
  cidrIpv4: null,
  cidrIpv6: null,
  prefixListId: null,
  referencedGroupId: null,
  referencedGroupName: null,
  referencedPeeringStatus: null,
  referencedUserId: null,
  referencedVpcId: null,
  referencedVpcPeeringConnectionId: null,
};

/** The facts of a DescribeSecurityGroupRules rule. */
export function factsOfRule(rule: SecurityGroupRuleShape, groups: GroupDetails): RuleFacts {
  const group =
    rule.GroupId === undefined || rule.GroupId === null ? undefined : groups.get(rule.GroupId);
  const referenced = rule.ReferencedGroupInfo;
  const referencedId = referenced?.GroupId ?? null;
  return {
    ruleId: rule.SecurityGroupRuleId,
    groupId: rule.GroupId ?? null,
    groupName: group?.name ?? null,
    groupVpcId: group?.vpcId ?? null,
    groupOwnerId: rule.GroupOwnerId ?? null,
    isEgress: rule.IsEgress ?? null,
    ipProtocol: rule.IpProtocol ?? null,
    fromPort: rule.FromPort ?? null,
    toPort: rule.ToPort ?? null,
    cidrIpv4: rule.CidrIpv4 ?? null,
    cidrIpv6: rule.CidrIpv6 ?? null,
    prefixListId: rule.PrefixListId ?? null,
    referencedGroupId: referencedId,
    referencedGroupName: referencedId === null ? null : (groups.get(referencedId)?.name ?? null),
    referencedPeeringStatus: referenced?.PeeringStatus ?? null,
    referencedUserId: referenced?.UserId ?? null,
    referencedVpcId: referenced?.VpcId ?? null,
    referencedVpcPeeringConnectionId: referenced?.VpcPeeringConnectionId ?? null,
    description: rule.Description ?? null,
    tags: rule.Tags,
  };
}

/**
 * The rules of a security group as DescribeSecurityGroupRules would list them: one per target
 * (each IP range, IPv6 range, prefix list and referenced group) of each permission entry.
 */
export function factsOfGroup(group: SecurityGroupShape, groups: GroupDetails): RuleFacts[] {
  const directions: [IpPermissionShape[], boolean][] = [
    [group.IpPermissions ?? [], false],
    [group.IpPermissionsEgress ?? [], true],
  ];
  return directions.flatMap(([permissions, isEgress]) =>
    permissions.flatMap((permission) => {
      const base = {
        ruleId: null,
        groupId: group.GroupId,
        groupName: group.GroupName ?? null,
        groupVpcId: group.VpcId ?? null,
        groupOwnerId: group.OwnerId ?? null,
        isEgress,
        ipProtocol: permission.IpProtocol ?? null,
        fromPort: permission.FromPort ?? null,
        toPort: permission.ToPort ?? null,
        tags: null,
        ...noTarget,
      };
      return [
        ...(permission.IpRanges ?? []).map((range) => ({
          ...base,
          cidrIpv4: range.CidrIp ?? null,
          description: range.Description ?? null,
        })),
        ...(permission.Ipv6Ranges ?? []).map((range) => ({
          ...base,
          cidrIpv6: range.CidrIpv6 ?? null,
          description: range.Description ?? null,
        })),
        ...(permission.PrefixListIds ?? []).map((prefixList) => ({
          ...base,
          prefixListId: prefixList.PrefixListId ?? null,
          description: prefixList.Description ?? null,
        })),
        ...(permission.UserIdGroupPairs ?? []).map((pair) => {
          const referencedId = pair.GroupId ?? null;
          const lookedUp = referencedId === null ? null : (groups.get(referencedId)?.name ?? null);
          return {
            ...base,
            referencedGroupId: referencedId,
            referencedGroupName: pair.GroupName ?? lookedUp,
            referencedPeeringStatus: pair.PeeringStatus ?? null,
            referencedUserId: pair.UserId ?? null,
            referencedVpcId: pair.VpcId ?? null,
            referencedVpcPeeringConnectionId: pair.VpcPeeringConnectionId ?? null,
            description: pair.Description ?? null,
          };
        }),
      ];
    }),
  );
}
