import {
  describeSecurityGroupRulesShape,
  describeSecurityGroupsShape,
} from '../aws-shapes/ec2-security-group-shapes.js';
import type { Row } from '../column.js';
import type { TableDefinition } from '../table-definition.js';
import { column, standardColumns } from './ec2-columns.js';
import type { ResourcePlace } from './ec2-row-values.js';
import { cidrValue, parsedDocuments, placeColumns, tagColumns } from './ec2-row-values.js';
import type { RuleFacts } from './ec2-security-group-rule-facts.js';
import { factsOfGroup, factsOfRule, groupDetails } from './ec2-security-group-rule-facts.js';

const deprecated = '[Deprecated in Steampipe]';

// Steampipe's current columns, plus the deprecated ones it had (group_name, vpc_id, owner_id,
// cidr_ip, pair_*), so that older saved queries keep working.
const columns = [
  column('security_group_rule_id', 'text', 'The ID of the rule; null when derived.'),
  column('group_name', 'text', `${deprecated} The name of the rule's security group.`),
  column('group_id', 'text', 'The ID of the security group the rule belongs to.'),
  column('is_egress', 'boolean', 'Whether the rule is an outbound rule.'),
  column('type', 'text', 'The type of the rule: ingress or egress.'),
  column('vpc_id', 'text', `${deprecated} The ID of the VPC of the security group.`),
  column('owner_id', 'text', `${deprecated} Use group_owner_id.`),
  column('group_owner_id', 'text', 'The ID of the AWS account that owns the security group.'),
  column('description', 'text', 'The description of the rule.'),
  column('ip_protocol', 'text', 'The IP protocol name or number; -1 means all protocols.'),
  column('from_port', 'bigint', 'Start of the port range, or ICMP type; -1 is all types.'),
  column('to_port', 'bigint', 'End of the port range, or ICMP code; -1 is all codes.'),
  column('cidr_ip', 'cidr', `${deprecated} Use cidr_ipv4.`),
  column('cidr_ipv4', 'cidr', 'The IPv4 CIDR range of the rule.'),
  column('cidr_ipv6', 'cidr', 'The IPv6 CIDR range of the rule.'),
  column('pair_group_id', 'text', `${deprecated} Use referenced_group_id.`),
  column('referenced_group_id', 'text', 'The ID of the referenced security group.'),
  column('pair_group_name', 'text', `${deprecated} The name of the referenced group.`),
  column('pair_peering_status', 'text', `${deprecated} Use referenced_peering_status.`),
  column('referenced_peering_status', 'text', 'The status of the VPC peering, if any.'),
  column('pair_user_id', 'text', `${deprecated} Use referenced_user_id.`),
  column('referenced_user_id', 'text', 'The account ID of the referenced security group.'),
  column('pair_vpc_id', 'text', `${deprecated} Use referenced_vpc_id.`),
  column('referenced_vpc_id', 'text', 'The ID of the VPC of the referenced group, if any.'),
  column('pair_vpc_peering_connection_id', 'text', `${deprecated} Use the referenced_ column.`),
  column('referenced_vpc_peering_connection_id', 'text', 'The ID of the VPC peering, if any.'),
  column('prefix_list_id', 'text', 'The ID of the referenced prefix list.'),
  ...standardColumns(),
];

/**
 * Steampipe's rule hash: direction, protocol, ports, then the first target of CIDR, IPv6 CIDR,
 * the group itself, prefix list. Steampipe prints the port pointers with %d (their addresses);
 * the port numbers are used here, which is what that code means.
 */
function steampipeHash(facts: RuleFacts): string {
  let hash = `${facts.isEgress === true ? 'egress' : 'ingress'}_${facts.ipProtocol ?? ''}`;
  if (facts.fromPort !== null) hash = `${hash}_${facts.fromPort}_${facts.toPort ?? ''}`;
  if (facts.cidrIpv4 !== null) return `${hash}_${facts.cidrIpv4}`;
  if (facts.cidrIpv6 !== null) return `${hash}_${facts.cidrIpv6}`;
  if (facts.referencedGroupId !== null && facts.referencedGroupId === facts.groupId) {
    return `${hash}_${facts.referencedGroupId}`;
  }
  if (facts.prefixListId !== null) return `${hash}_${facts.prefixListId}`;
  return hash;
}

/** A hash naming every target, unique within a group: the identity of a derived rule. */
function targetHash(facts: RuleFacts): string {
  const ports = `${facts.fromPort ?? ''}_${facts.toPort ?? ''}`;
  const target = [
    facts.cidrIpv4,
    facts.cidrIpv6,
    facts.prefixListId,
    facts.referencedGroupId,
    facts.referencedUserId,
  ].map((part) => part ?? '');
  const direction = facts.isEgress === true ? 'egress' : 'ingress';
  return [direction, facts.ipProtocol ?? '', ports, ...target].join('_');
}

function ruleRow(facts: RuleFacts, place: ResourcePlace): Row {
  const cidrIpv4 = cidrValue(facts.cidrIpv4);
  const akas =
    facts.ruleId === null
      ? null
      : [
          `arn:${place.partition}:ec2:${place.region}:${facts.groupOwnerId ?? place.accountId}:` +
            `security-group-rule/${facts.ruleId}:${steampipeHash(facts)}`,
        ];
  return {
    security_group_rule_id: facts.ruleId,
    group_name: facts.groupName,
    group_id: facts.groupId,
    is_egress: facts.isEgress,
    type: facts.isEgress === null ? null : facts.isEgress ? 'egress' : 'ingress',
    vpc_id: facts.groupVpcId,
    owner_id: facts.groupOwnerId,
    group_owner_id: facts.groupOwnerId,
    description: facts.description,
    ip_protocol: facts.ipProtocol,
    from_port: facts.fromPort,
    to_port: facts.toPort,
    cidr_ip: cidrIpv4,
    cidr_ipv4: cidrIpv4,
    cidr_ipv6: cidrValue(facts.cidrIpv6),
    pair_group_id: facts.referencedGroupId,
    referenced_group_id: facts.referencedGroupId,
    pair_group_name: facts.referencedGroupName,
    pair_peering_status: facts.referencedPeeringStatus,
    referenced_peering_status: facts.referencedPeeringStatus,
    pair_user_id: facts.referencedUserId,
    referenced_user_id: facts.referencedUserId,
    pair_vpc_id: facts.referencedVpcId,
    referenced_vpc_id: facts.referencedVpcId,
    pair_vpc_peering_connection_id: facts.referencedVpcPeeringConnectionId,
    referenced_vpc_peering_connection_id: facts.referencedVpcPeeringConnectionId,
    prefix_list_id: facts.prefixListId,
    ...tagColumns(facts.tags),
    title:
      facts.ruleId === null
        ? `${facts.groupId ?? ''}_${targetHash(facts)}`
        : `${facts.ruleId}_${steampipeHash(facts)}`,
    akas,
    ...placeColumns(place),
  };
}

/**
 * aws_vpc_security_group_rule. Steampipe reads DescribeSecurityGroupRules. Most evidence
 * (CloudMapper folders, older captures) holds only DescribeSecurityGroups, whose permissions
 * say the same rules without their ids; so a scope without DescribeSecurityGroupRules evidence
 * gets one row per permission target, security_group_rule_id and akas null. A scope with it
 * uses it alone, so that no rule is listed twice.
 */
export const awsVpcSecurityGroupRuleTable: TableDefinition = {
  name: 'aws_vpc_security_group_rule',
  scope: 'regional',
  columns,
  sources: ['ec2:DescribeSecurityGroupRules', 'ec2:DescribeSecurityGroups'],
  coveredBy: ['ec2:DescribeSecurityGroupRules', 'ec2:DescribeSecurityGroups'],
  rows(evidence) {
    const groupDocuments = parsedDocuments(
      evidence,
      'ec2:DescribeSecurityGroups',
      describeSecurityGroupsShape,
    );
    const groups = groupDetails(groupDocuments.flatMap(({ body }) => body.SecurityGroups));
    const ruleDocuments = parsedDocuments(
      evidence,
      'ec2:DescribeSecurityGroupRules',
      describeSecurityGroupRulesShape,
    );
    if (ruleDocuments.length > 0) {
      return ruleDocuments.flatMap(({ body, place }) =>
        body.SecurityGroupRules.map((rule) => ruleRow(factsOfRule(rule, groups), place)),
      );
    }
    return groupDocuments.flatMap(({ body, place }) =>
      body.SecurityGroups.flatMap((group) =>
        factsOfGroup(group, groups).map((facts) => ruleRow(facts, place)),
      ),
    );
  },
  key: (row) => {
    const ruleId = row['security_group_rule_id'];
    return typeof ruleId === 'string' ? ruleId : String(row['title']);
  },
};
