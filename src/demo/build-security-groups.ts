import type { BuildContext } from './build-network.js';
import { demoIds, findVpc, tagList } from './demo-ids.js';
import type { IngressPlan, SecurityGroupPlan, VpcPlan } from './demo-plan.js';
import type { AwsObject } from './evidence-book.js';

const allTraffic: IngressPlan = {
  protocol: '-1',
  fromPort: -1,
  toPort: -1,
  source: { cidr: '0.0.0.0/0' },
  description: '',
};

/** The group a rule's source names, with its owner and (across a peering) the peering id. */
function referencedGroup(
  context: BuildContext,
  vpc: VpcPlan,
  rule: IngressPlan,
): { GroupId: string; UserId: string; VpcId?: string; VpcPeeringConnectionId?: string } | null {
  const source = rule.source;
  if ('cidr' in source) return null;
  if ('group' in source) {
    return { GroupId: demoIds.securityGroup(vpc.key, source.group), UserId: vpc.accountId };
  }
  const peer = findVpc(context.plan.vpcs, source.peerGroup.vpc);
  return {
    GroupId: demoIds.securityGroup(peer.key, source.peerGroup.group),
    UserId: peer.accountId,
    VpcId: demoIds.vpc(peer.key),
    VpcPeeringConnectionId: demoIds.peering(source.peerGroup.peering),
  };
}

/** `IpPermissions` as DescribeSecurityGroups prints them: one entry per protocol and ports. */
function ipPermissions(context: BuildContext, vpc: VpcPlan, rules: IngressPlan[]): AwsObject[] {
  const byPorts = new Map<string, IngressPlan[]>();
  for (const rule of rules) {
    const key = `${rule.protocol}/${rule.fromPort}/${rule.toPort}`;
    byPorts.set(key, [...(byPorts.get(key) ?? []), rule]);
  }
  return [...byPorts.values()].map((group) => {
    const first = group[0] as IngressPlan;
    const ranges = group.flatMap((rule) =>
      'cidr' in rule.source
        ? [
            {
              CidrIp: rule.source.cidr,
              ...(rule.description ? { Description: rule.description } : {}),
            },
          ]
        : [],
    );
    const pairs = group.flatMap((rule) => {
      const reference = referencedGroup(context, vpc, rule);
      if (reference === null) return [];
      const peered = reference.VpcPeeringConnectionId !== undefined;
      return [
        {
          ...(rule.description ? { Description: rule.description } : {}),
          ...reference,
          ...(peered ? { PeeringStatus: 'active' } : {}),
        },
      ];
    });
    return {
      IpProtocol: first.protocol,
      ...(first.protocol === '-1' ? {} : { FromPort: first.fromPort, ToPort: first.toPort }),
      IpRanges: ranges,
      Ipv6Ranges: [],
      PrefixListIds: [],
      UserIdGroupPairs: pairs,
    };
  });
}

function ruleDocument(
  context: BuildContext,
  vpc: VpcPlan,
  groupId: string,
  rule: IngressPlan,
  egress: boolean,
  index: number,
): AwsObject {
  const ruleId = demoIds.securityGroupRule(`${groupId}/${egress ? 'egress' : 'ingress'}/${index}`);
  const reference = referencedGroup(context, vpc, rule);
  const arnPrefix = `arn:aws:ec2:${vpc.region}:${vpc.accountId}`;
  return {
    SecurityGroupRuleId: ruleId,
    GroupId: groupId,
    GroupOwnerId: vpc.accountId,
    IsEgress: egress,
    IpProtocol: rule.protocol,
    FromPort: rule.fromPort,
    ToPort: rule.toPort,
    ...('cidr' in rule.source ? { CidrIpv4: rule.source.cidr } : {}),
    ...(reference === null
      ? {}
      : {
          ReferencedGroupInfo: {
            GroupId: reference.GroupId,
            UserId: reference.UserId,
            ...(reference.VpcPeeringConnectionId === undefined
              ? {}
              : {
                  VpcId: reference.VpcId,
                  VpcPeeringConnectionId: reference.VpcPeeringConnectionId,
                  PeeringStatus: 'active',
                }),
          },
        }),
    ...(rule.description ? { Description: rule.description } : {}),
    Tags: [],
    SecurityGroupRuleArn: `${arnPrefix}:security-group-rule/${ruleId}`,
  };
}

/** Every VPC's default group (all traffic from itself) and the groups its plan declares. */
export function buildSecurityGroups(context: BuildContext, vpc: VpcPlan): void {
  const region = context.book.region(vpc.accountId, vpc.region);
  const defaultGroup: SecurityGroupPlan = {
    name: 'default',
    description: 'default VPC security group',
    ingress: [{ ...allTraffic, source: { group: 'default' } }],
  };
  for (const group of [defaultGroup, ...vpc.securityGroups]) {
    const groupId = demoIds.securityGroup(vpc.key, group.name);
    region.add('ec2:DescribeSecurityGroups', {
      GroupId: groupId,
      IpPermissionsEgress: ipPermissions(context, vpc, [allTraffic]),
      VpcId: demoIds.vpc(vpc.key),
      SecurityGroupArn: `arn:aws:ec2:${vpc.region}:${vpc.accountId}:security-group/${groupId}`,
      OwnerId: vpc.accountId,
      GroupName: group.name,
      Description: group.description,
      IpPermissions: ipPermissions(context, vpc, group.ingress),
      ...(group.name === 'default' ? {} : { Tags: tagList(group.name) }),
    });
    group.ingress.forEach((rule, index) =>
      region.add(
        'ec2:DescribeSecurityGroupRules',
        ruleDocument(context, vpc, groupId, rule, false, index),
      ),
    );
    region.add(
      'ec2:DescribeSecurityGroupRules',
      ruleDocument(context, vpc, groupId, allTraffic, true, 0),
    );
  }
}
