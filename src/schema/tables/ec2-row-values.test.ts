import { describe, expect, it } from 'vitest';
import { cidrValue, ec2Arn, inetValue, timestampValue } from './ec2-row-values.js';

describe('values for Postgres cidr, inet and timestamptz columns', () => {
  it('keeps ranges Postgres accepts as they are', () => {
    expect(cidrValue('0.0.0.0/0')).toBe('0.0.0.0/0');
    expect(cidrValue('10.0.0.0/16')).toBe('10.0.0.0/16');
    expect(cidrValue('1.1.1.1/32')).toBe('1.1.1.1/32');
    expect(cidrValue('::/0')).toBe('::/0');
    expect(cidrValue('2600:1f18:abcd::/56')).toBe('2600:1f18:abcd::/56');
  });

  it('stores a range with host bits set as the network AWS applies', () => {
    // The CloudMapper demo's Bastion group allows 2.2.2.2/28, which Postgres' cidr rejects.
    expect(cidrValue('2.2.2.2/28')).toBe('2.2.2.0/28');
    expect(cidrValue('10.1.2.3/8')).toBe('10.0.0.0/8');
    expect(cidrValue('2001:db8::1/32')).toBe('2001:db8::/32');
    expect(cidrValue('::ffff:1.2.3.4/96')).toBe('::ffff:0:0/96');
  });

  it('gives null for what is not a range, and a host range for a bare address', () => {
    expect(cidrValue('not-a-cidr')).toBeNull();
    expect(cidrValue('1.2.3.4/33')).toBeNull();
    expect(cidrValue('1.2.3.4/x')).toBeNull();
    expect(cidrValue('1.2.3.4/24/1')).toBeNull();
    expect(cidrValue(undefined)).toBeNull();
    expect(cidrValue('1.2.3.4')).toBe('1.2.3.4/32');
  });

  it('accepts IPv4 and IPv6 addresses for inet and nothing else', () => {
    expect(inetValue('10.0.0.1')).toBe('10.0.0.1');
    expect(inetValue('2001:db8::1')).toBe('2001:db8::1');
    // botocore's DescribeNatGateways example has this impossible address.
    expect(inetValue('198.11.222.333')).toBeNull();
    expect(inetValue(null)).toBeNull();
  });

  it('writes timestamps as ISO 8601 in UTC', () => {
    expect(timestampValue('2018-11-27T03:36:34+00:00')).toBe('2018-11-27T03:36:34.000Z');
    expect(timestampValue('2022-05-30T07:06:33+02:00')).toBe('2022-05-30T05:06:33.000Z');
    expect(timestampValue('yesterday')).toBeNull();
  });

  it('builds EC2 ARNs from the place of the evidence', () => {
    const place = { accountId: '123456789012', region: 'cn-north-1', partition: 'aws-cn' };
    expect(ec2Arn(place, 'vpc/vpc-1')).toBe('arn:aws-cn:ec2:cn-north-1:123456789012:vpc/vpc-1');
  });
});
