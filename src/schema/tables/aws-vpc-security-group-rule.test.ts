import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasSharedData, sharedDataPath, sharedDataSkipNote } from '../../../test/shared-data.js';
import type { EvidenceDocument } from '../../evidence/evidence-document.js';
import { createScopeEvidence } from '../scope-evidence.js';
import { awsVpcSecurityGroupTable } from './aws-vpc-security-group.js';
import { awsVpcSecurityGroupRuleTable } from './aws-vpc-security-group-rule.js';

const demoGroupsFile = 'cloudmapper/account-data/demo/us-east-1/ec2-describe-security-groups.json';

function groupsDocument(): EvidenceDocument {
  return {
    api: 'ec2:DescribeSecurityGroups',
    accountId: '123456789012',
    region: 'us-east-1',
    body: JSON.parse(readFileSync(sharedDataPath(demoGroupsFile), 'utf8')),
    source: demoGroupsFile,
  };
}

describe.skipIf(!hasSharedData)(
  `security groups of the CloudMapper demo${hasSharedData ? '' : ` (${sharedDataSkipNote})`}`,
  () => {
    const evidence = hasSharedData
      ? createScopeEvidence('123456789012', 'us-east-1', [groupsDocument()])
      : createScopeEvidence('123456789012', 'us-east-1', []);

    it('are 8 groups, titled by name', () => {
      const groups = awsVpcSecurityGroupTable.rows(evidence);
      expect(groups).toHaveLength(8);
      expect(groups.find((row) => row['group_id'] === 'sg-00000002')).toMatchObject({
        group_name: 'Bastion',
        title: 'Bastion',
        vpc_id: 'vpc-12345678',
        arn: 'arn:aws:ec2:us-east-1:123456789012:security-group/sg-00000002',
      });
    });

    it('give one derived rule per target of each permission, without rule ids', () => {
      const rules = awsVpcSecurityGroupRuleTable.rows(evidence);
      // Read from the file: 10 ingress targets (sg-00000004 and sg-00000002 have two each,
      // sg-00000008 two permissions) and one 0.0.0.0/0 egress rule per group.
      expect(rules.filter((rule) => rule['type'] === 'ingress')).toHaveLength(11);
      expect(rules.filter((rule) => rule['is_egress'] === true)).toHaveLength(8);
      expect(rules.every((rule) => rule['security_group_rule_id'] === null)).toBe(true);
      expect(rules.every((rule) => rule['akas'] === null)).toBe(true);

      const bastionSsh = rules.filter(
        (rule) => rule['group_id'] === 'sg-00000002' && rule['type'] === 'ingress',
      );
      expect(bastionSsh.map((rule) => rule['cidr_ipv4']).sort()).toEqual([
        '1.1.1.1/32',
        // 2.2.2.2/28 in the file: stored as the network Postgres' cidr accepts.
        '2.2.2.0/28',
      ]);
      expect(bastionSsh[0]).toMatchObject({
        group_name: 'Bastion',
        ip_protocol: 'tcp',
        from_port: 22,
        to_port: 22,
        group_owner_id: '123456789012',
        vpc_id: 'vpc-12345678',
      });

      const fromBastion = rules.find(
        (rule) => rule['group_id'] === 'sg-00000008' && rule['from_port'] === 22,
      );
      expect(fromBastion).toMatchObject({
        referenced_group_id: 'sg-00000002',
        pair_group_id: 'sg-00000002',
        referenced_user_id: '123456789012',
        // Looked up among the groups of the same scope.
        pair_group_name: 'Bastion',
        cidr_ipv4: null,
      });

      const allTraffic = rules.find(
        (rule) => rule['group_id'] === 'sg-00000001' && !rule['is_egress'],
      );
      expect(allTraffic).toMatchObject({
        ip_protocol: '-1',
        from_port: null,
        referenced_group_id: 'sg-00000001',
      });
      const keys = rules.map((rule) => awsVpcSecurityGroupRuleTable.key(rule));
      expect(new Set(keys).size).toBe(rules.length);
    });

    it('prefer DescribeSecurityGroupRules evidence when the scope has it', () => {
      // The shape of the AWS API reference example; no public capture of this call exists.
      const ruleDocument: EvidenceDocument = {
        api: 'ec2:DescribeSecurityGroupRules',
        accountId: '123456789012',
        region: 'us-east-1',
        body: {
          SecurityGroupRules: [
            {
              SecurityGroupRuleId: 'sgr-0123456789abcdef0',
              GroupId: 'sg-00000002',
              GroupOwnerId: '123456789012',
              IsEgress: false,
              IpProtocol: 'tcp',
              FromPort: 22,
              ToPort: 22,
              CidrIpv4: '1.1.1.1/32',
              Tags: [],
            },
          ],
        },
        source: 'describe-security-group-rules.json',
      };
      const rules = awsVpcSecurityGroupRuleTable.rows(
        createScopeEvidence('123456789012', 'us-east-1', [groupsDocument(), ruleDocument]),
      );
      expect(rules).toHaveLength(1);
      expect(rules[0]).toMatchObject({
        security_group_rule_id: 'sgr-0123456789abcdef0',
        group_name: 'Bastion',
        type: 'ingress',
        cidr_ip: '1.1.1.1/32',
        tags: {},
        title: 'sgr-0123456789abcdef0_ingress_tcp_22_22_1.1.1.1/32',
        akas: [
          'arn:aws:ec2:us-east-1:123456789012:security-group-rule/sgr-0123456789abcdef0:' +
            'ingress_tcp_22_22_1.1.1.1/32',
        ],
      });
    });
  },
);
