/** IPv4 arithmetic for generated networks: CIDR blocks, addresses inside them. */

export function ipToNumber(ip: string): number {
  const parts = ip.split('.').map(Number);
  return (
    (((parts[0] ?? 0) << 24) |
      ((parts[1] ?? 0) << 16) |
      ((parts[2] ?? 0) << 8) |
      (parts[3] ?? 0)) >>>
    0
  );
}

export function numberToIp(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

export interface CidrRange {
  first: number;
  /** The number of addresses in the block. */
  size: number;
}

export function parseCidr(cidr: string): CidrRange {
  const [address, bits] = cidr.split('/') as [string, string];
  const size = 2 ** (32 - Number(bits));
  return { first: Math.floor(ipToNumber(address) / size) * size, size };
}

export function cidrContains(cidr: string, ip: string): boolean {
  const range = parseCidr(cidr);
  const value = ipToNumber(ip);
  return value >= range.first && value < range.first + range.size;
}

export function cidrsOverlap(left: string, right: string): boolean {
  const a = parseCidr(left);
  const b = parseCidr(right);
  return a.first < b.first + b.size && b.first < a.first + a.size;
}

/**
 * The address `hostIndex` inside a block, skipping the five addresses AWS reserves in every
 * subnet (network, router, DNS, future use, broadcast).
 */
export function hostAddress(cidr: string, hostIndex: number): string {
  const range = parseCidr(cidr);
  const usable = range.size - 5;
  return numberToIp(range.first + 4 + (hostIndex % usable));
}

/** AWS's count of free addresses in a subnet of this block with `used` addresses taken. */
export function availableAddressCount(cidr: string, used: number): number {
  return parseCidr(cidr).size - 5 - used;
}

/** The `ip-10-0-1-5.ec2.internal` style private DNS name EC2 gives an address. */
export function privateDnsName(ip: string, region: string): string {
  const host = `ip-${ip.replaceAll('.', '-')}`;
  return region === 'us-east-1' ? `${host}.ec2.internal` : `${host}.${region}.compute.internal`;
}

/** The public DNS name EC2 gives a public address. */
export function publicDnsName(ip: string, region: string): string {
  const host = `ec2-${ip.replaceAll('.', '-')}`;
  return region === 'us-east-1'
    ? `${host}.compute-1.amazonaws.com`
    : `${host}.${region}.compute.amazonaws.com`;
}
