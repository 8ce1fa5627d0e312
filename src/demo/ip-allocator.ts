import { hash32 } from './aws-ids.js';
import { hostAddress, numberToIp } from './ipv4.js';

/**
 * Hands out private addresses inside subnets (each once) and public addresses from AWS-looking
 * ranges, deterministically, and counts what each subnet uses for `AvailableIpAddressCount`.
 */
export class IpAllocator {
  private readonly used = new Map<string, number>();
  private publicCount = 0;

  /** `publicStart` offsets the public addresses, for generators that allocate per account. */
  constructor(
    private readonly seed: number,
    publicStart = 0,
  ) {
    this.publicCount = publicStart;
  }

  /** The next free address of the subnet, starting a little above the reserved ones. */
  privateAddress(subnetCidr: string): string {
    const taken = this.used.get(subnetCidr) ?? 0;
    this.used.set(subnetCidr, taken + 1);
    const start = hash32(subnetCidr, this.seed) % 40;
    return hostAddress(subnetCidr, start + 7 * taken + 6);
  }

  usedCount(subnetCidr: string): number {
    return this.used.get(subnetCidr) ?? 0;
  }

  /** A public IPv4 address from the region's EC2 ranges, never the same one twice. */
  publicAddress(region: string): string {
    this.publicCount += 1;
    // 54.0.0.0 and 3.80.0.0 are us-east-1 ranges, 34.240.0.0 and 52.18.0.0 eu-west-1 ones.
    const pools = region === 'us-east-1' ? [0x3600_0000, 0x0350_0000] : [0x22f0_0000, 0x3412_0000];
    const pool = pools[this.publicCount % pools.length] as number;
    // One stride of 7919 per address keeps them distinct; the hash only varies the low part.
    const jitter = hash32(`public/${this.publicCount}`, this.seed) % 7919;
    return numberToIp(pool + this.publicCount * 7919 + jitter);
  }
}
