import type { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasSharedData, sharedDataSkipNote } from '../shared-data.js';
import { sortedColumn, steampipeTablesDb, type EvidenceFile } from './steampipe-tables-db.js';

const skipNote = hasSharedData ? '' : `[${sharedDataSkipNote}] `;

const demo = 'cloudmapper/account-data/demo/us-east-1';
const inDemo = (api: EvidenceFile['api'], file: string): EvidenceFile => ({
  api,
  path: `${demo}/${file}`,
  accountId: '123456789012',
  region: 'us-east-1',
});
const capture = (api: EvidenceFile['api'], path: string, accountId: string): EvidenceFile => ({
  api,
  path: `aws-api-captures/${path}`,
  accountId,
  region: 'us-east-1',
});

const files: EvidenceFile[] = [
  inDemo('ec2:DescribeInstances', 'ec2-describe-instances.json'),
  inDemo('ec2:DescribeVpcs', 'ec2-describe-vpcs.json'),
  inDemo('ec2:DescribeSubnets', 'ec2-describe-subnets.json'),
  inDemo('ec2:DescribeSecurityGroups', 'ec2-describe-security-groups.json'),
  capture('ec2:DescribeInstances', 'test_ec2_set_md_access/ec2.DescribeInstances_1.json', '1'),
  capture('ec2:DescribeVolumes', 'test_ebs_modifyable_filter/ec2.DescribeVolumes_1.json', '2'),
];

// Queries in the style of Steampipe's documented examples, on the columns and operators they use.
describe.skipIf(!hasSharedData)(
  skipNote + 'Steampipe-style network queries on real evidence',
  () => {
    let db: PGlite;
    beforeAll(async () => {
      db = await steampipeTablesDb(files);
    });
    afterAll(async () => {
      await db.close();
    });

    it('expands security_groups with jsonb_array_elements', async () => {
      const result = await db.query(`
      select instance_id from aws_ec2_instance
        cross join jsonb_array_elements(security_groups) as sg
      where sg ->> 'GroupName' = 'Internal web'`);
      expect(sortedColumn(result.rows, 'instance_id')).toEqual([
        'i-00000000000000001',
        'i-00000000000000002',
      ]);
    });

    it('finds instances by inet containment and by Name tag', async () => {
      const inRange = await db.query(
        `select instance_id from aws_ec2_instance where private_ip_address << '10.0.2.0/23'`,
      );
      expect(sortedColumn(inRange.rows, 'instance_id')).toEqual([
        'i-00000000000000001',
        'i-00000000000000002',
      ]);
      const bastion = await db.query(`
      select instance_id, host(public_ip_address) as public_ip from aws_ec2_instance
      where tags ->> 'Name' = 'Bastion'`);
      expect(bastion.rows).toEqual([{ instance_id: 'i-00000000000000000', public_ip: '1.2.3.4' }]);
    });

    it('reads state_transition_time from the reason of stopped instances', async () => {
      const result = await db.query(`
      select instance_id, state_transition_time from aws_ec2_instance
      where instance_state = 'stopped'
        and state_transition_time <= (current_date - interval '30' day)
      order by instance_id`);
      expect(result.rows).toEqual([
        {
          instance_id: 'i-02357547fb91718be',
          state_transition_time: new Date('2022-10-01T01:00:15Z'),
        },
        {
          instance_id: 'i-0d4526dcaa95692db',
          state_transition_time: new Date('2022-10-06T05:52:38Z'),
        },
      ]);
    });

    it('treats VPC and subnet CIDR blocks as cidr', async () => {
      const vpcs = await db.query(`
      select vpc_id, masklen(cidr_block) as bits, host(broadcast(cidr_block)) as broadcast
      from aws_vpc where is_default and cidr_block <<= '10.0.0.0/8'`);
      expect(vpcs.rows).toEqual([{ vpc_id: 'vpc-12345678', bits: 16, broadcast: '10.0.255.255' }]);
      const subnets = await db.query(`
      select subnet_id, power(2, 32 - masklen(cidr_block :: cidr)) - 1 as raw_size
      from aws_vpc_subnet where tags ->> 'Name' like 'Private%' order by subnet_id`);
      expect(subnets.rows).toEqual([
        { subnet_id: 'subnet-00000003', raw_size: 255 },
        { subnet_id: 'subnet-00000004', raw_size: 255 },
      ]);
    });

    it('lists ingress rules open to the internet from the rule table', async () => {
      const result = await db.query(`
      select r.group_id, sg.group_name, r.ip_protocol, r.from_port, r.to_port
      from aws_vpc_security_group_rule as r
        join aws_vpc_security_group as sg on sg.group_id = r.group_id
      where r.cidr_ipv4 = '0.0.0.0/0' and not r.is_egress and r.type = 'ingress'
      order by r.group_id`);
      expect(result.rows).toEqual([
        {
          group_id: 'sg-00000003',
          group_name: 'Public web',
          ip_protocol: 'tcp',
          from_port: 443,
          to_port: 443,
        },
        {
          group_id: 'sg-00000008',
          group_name: 'Public',
          ip_protocol: 'tcp',
          from_port: 443,
          to_port: 443,
        },
      ]);
    });

    it('finds unattached, io1 and large volumes', async () => {
      const unattached = await db.query(
        `select volume_id from aws_ebs_volume where jsonb_array_length(attachments) = 0`,
      );
      expect(sortedColumn(unattached.rows, 'volume_id')).toEqual(['vol-091e2a63a6e4da54d']);
      const io1 = await db.query(`select volume_id from aws_ebs_volume where volume_type = 'io1'`);
      expect(sortedColumn(io1.rows, 'volume_id')).toEqual([
        'vol-091e2a63a6e4da54d',
        'vol-0e4cba7adc4764f79',
      ]);
      const large = await db.query(`select volume_id from aws_ebs_volume where size > '100'`);
      expect(sortedColumn(large.rows, 'volume_id')).toEqual(['vol-01c1876a915fa310e']);
    });
  },
);
