import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hasSharedData, sharedDataPath, sharedDataSkipNote } from '../../../test/shared-data.js';
import { createScopeEvidence } from '../scope-evidence.js';
import { awsEc2InstanceTable } from './aws-ec2-instance.js';

function instanceRows(file: string, region = 'us-east-1', accountId = '123456789012') {
  const evidence = createScopeEvidence(accountId, region, [
    {
      api: 'ec2:DescribeInstances',
      accountId,
      region,
      body: JSON.parse(readFileSync(sharedDataPath(file), 'utf8')),
      source: file,
    },
  ]);
  return awsEc2InstanceTable.rows(evidence);
}

const skipNote = hasSharedData ? '' : ` (${sharedDataSkipNote})`;

describe.skipIf(!hasSharedData)(
  `aws_ec2_instance from real DescribeInstances output${skipNote}`,
  () => {
    it('reads the three CloudMapper demo instances', () => {
      const rows = instanceRows(
        'cloudmapper/account-data/demo/us-east-1/ec2-describe-instances.json',
      );
      expect(rows).toHaveLength(3);
      const bastion = rows.find((row) => row['instance_id'] === 'i-00000000000000000');
      expect(bastion).toMatchObject({
        arn: 'arn:aws:ec2:us-east-1:123456789012:instance/i-00000000000000000',
        akas: ['arn:aws:ec2:us-east-1:123456789012:instance/i-00000000000000000'],
        title: 'Bastion',
        tags: { Name: 'Bastion' },
        tags_src: [{ Value: 'Bastion', Key: 'Name' }],
        instance_type: 't2.micro',
        instance_state: 'running',
        state_code: 16,
        monitoring_state: 'enabled',
        private_ip_address: '10.0.0.1',
        public_ip_address: '1.2.3.4',
        key_name: 'bastion',
        subnet_id: 'subnet-00000001',
        vpc_id: 'vpc-12345678',
        placement_availability_zone: 'us-east-1a',
        launch_time: '2017-12-01T00:00:00.000Z',
        state_transition_time: '2017-12-01T00:00:00.000Z',
        iam_instance_profile_arn: null,
        region: 'us-east-1',
        account_id: '123456789012',
        partition: 'aws',
      });
      expect(bastion?.['security_groups']).toEqual([
        { GroupName: 'Restricted SSH Access', GroupId: 'sg-00000002' },
      ]);
      const interfaces = bastion?.['network_interfaces'] as { NetworkInterfaceId: string }[];
      expect(interfaces.map((eni) => eni.NetworkInterfaceId)).toEqual(['eni-00000000']);
      // Not in DescribeInstances: unknown, not false or empty.
      for (const column of ['disable_api_termination', 'user_data', 'instance_status']) {
        expect(bastion?.[column], column).toBeNull();
      }
    });

    it('reads instance profiles and stopped states from cloud-custodian captures', () => {
      const rows = instanceRows(
        'aws-api-captures/test_iam_instance_profile_inuse/ec2.DescribeInstances_1.json',
      );
      expect(rows).toHaveLength(5);
      const withProfile = rows.find((row) => row['instance_id'] === 'i-051ddfa43d1b9f4f6');
      expect(withProfile).toMatchObject({
        iam_instance_profile_arn: 'arn:aws:iam::644160558196:instance-profile/root_user',
        iam_instance_profile_id: 'AIPAJBGQEL7545WR7UQ52',
        public_ip_address: '54.166.185.225',
        title: 'Test-EC2',
      });
      const terminated = rows.find((row) => row['instance_id'] === 'i-05329d73456d367f5');
      expect(terminated).toMatchObject({
        instance_state: 'terminated',
        // From its reason, "User initiated (2016-09-28 14:59:09 GMT)", as Steampipe reads it.
        state_transition_time: '2016-09-28T14:59:09.000Z',
        private_ip_address: null,
        vpc_id: null,
      });
      expect(rows.filter((row) => row['instance_state'] === 'stopped')).toHaveLength(3);
    });

    it('uses the region of the document and its partition in ARNs', () => {
      const rows = instanceRows(
        'aws-api-captures/test_ec2_iam_role_filter_by_role_name/ec2.DescribeInstances_1.json',
        'us-gov-west-1',
        '644160558196',
      );
      expect(rows.map((row) => row['iam_instance_profile_arn']).sort()).toEqual([
        'arn:aws:iam::644160558196:instance-profile/CloudCustodianRole',
        'arn:aws:iam::644160558196:instance-profile/c7n-tester-test',
      ]);
      expect(rows.find((row) => row['instance_id'] === 'i-0087ce11c395e5703')?.['arn']).toBe(
        'arn:aws-us-gov:ec2:us-gov-west-1:644160558196:instance/i-0087ce11c395e5703',
      );
      expect(rows.every((row) => row['region'] === 'us-gov-west-1')).toBe(true);
    });
  },
);
