import type { PeeringPlan, SecurityGroupPlan, VpcPlan } from '../../src/demo/demo-plan.js';
import { syntheticProportions as ratios, type SyntheticOrgOptions } from './synthetic-options.js';

const officeCidr = '198.51.100.0/24';

/** `count` items spread over `parts` as evenly as possible: how many part `index` gets. */
export function shareOf(count: number, parts: number, index: number): number {
  return Math.floor(count / parts) + (index < count % parts ? 1 : 0);
}

export function syntheticAccountId(options: SyntheticOrgOptions, index: number): string {
  return String(600_000_000_000 + index * 1_000_003 + (options.seed % 997));
}

export function vpcCountOf(options: SyntheticOrgOptions, accountIndex: number): number {
  return Math.max(1, shareOf(options.vpcs, options.accounts, accountIndex));
}

export function vpcKey(
  options: SyntheticOrgOptions,
  accountIndex: number,
  vpcIndex: number,
): string {
  return `s${options.seed}-a${accountIndex}-v${vpcIndex}`;
}

function securityGroups(peerApp: { vpc: string; peering: string } | null): SecurityGroupPlan[] {
  return [
    {
      name: 'web',
      description: 'Web tier',
      ingress: [
        {
          protocol: 'tcp',
          fromPort: 443,
          toPort: 443,
          source: { cidr: '0.0.0.0/0' },
          description: 'HTTPS',
        },
        {
          protocol: 'tcp',
          fromPort: 22,
          toPort: 22,
          source: { cidr: officeCidr },
          description: 'SSH',
        },
      ],
    },
    {
      name: 'app',
      description: 'Application tier',
      ingress: [
        {
          protocol: 'tcp',
          fromPort: 8080,
          toPort: 8080,
          source: { group: 'web' },
          description: 'App',
        },
        ...(peerApp === null
          ? []
          : [
              {
                protocol: 'tcp' as const,
                fromPort: 8080,
                toPort: 8080,
                source: { peerGroup: { vpc: peerApp.vpc, group: 'app', peering: peerApp.peering } },
                description: 'App from the peered VPC',
              },
            ]),
      ],
    },
    {
      name: 'db',
      description: 'Database tier',
      ingress: [
        {
          protocol: 'tcp',
          fromPort: 5432,
          toPort: 5432,
          source: { group: 'app' },
          description: 'PostgreSQL',
        },
      ],
    },
  ];
}

/** The in-account peering partner of a VPC: every tenth VPC peers with the next one. */
function inAccountPeer(vpcIndex: number, vpcCount: number): number | null {
  if (vpcIndex % ratios.peeringEveryNthVpc === 0 && vpcIndex + 1 < vpcCount) return vpcIndex + 1;
  if (vpcIndex % ratios.peeringEveryNthVpc === 1) return vpcIndex - 1;
  return null;
}

function peeringKey(requesterKey: string): string {
  return `${requesterKey}-peering`;
}

/** One VPC of the synthetic organization; a pure function of its account and index. */
export function syntheticVpc(
  options: SyntheticOrgOptions,
  accountIndex: number,
  vpcIndex: number,
): VpcPlan {
  const key = vpcKey(options, accountIndex, vpcIndex);
  const vpcCount = vpcCountOf(options, accountIndex);
  // Pairs of VPCs share a region, so that the peered ones are in the same region.
  const region = options.regions[Math.floor(vpcIndex / 2) % options.regions.length] as string;
  const octet = vpcIndex % 250;
  const peer = inAccountPeer(vpcIndex, vpcCount);
  const requester = peer === null ? null : Math.min(vpcIndex, peer);
  const prefix = `10.${octet}`;
  return {
    key,
    accountId: syntheticAccountId(options, accountIndex),
    region,
    name: `vpc-${vpcIndex}`,
    cidr: `${prefix}.0.0/16`,
    isDefault: false,
    subnets: [
      {
        name: `vpc-${vpcIndex}-public-a`,
        cidr: `${prefix}.0.0/24`,
        zone: 'a',
        public: true,
        routeTable: 'public',
      },
      {
        name: `vpc-${vpcIndex}-public-b`,
        cidr: `${prefix}.1.0/24`,
        zone: 'b',
        public: true,
        routeTable: 'public',
      },
      {
        name: `vpc-${vpcIndex}-private-a`,
        cidr: `${prefix}.10.0/24`,
        zone: 'a',
        public: false,
        routeTable: 'private',
      },
      {
        name: `vpc-${vpcIndex}-private-b`,
        cidr: `${prefix}.11.0/24`,
        zone: 'b',
        public: false,
        routeTable: 'private',
      },
    ],
    ...(vpcIndex % ratios.natEveryNthVpc === 0 ? { natSubnet: `vpc-${vpcIndex}-public-a` } : {}),
    securityGroups: securityGroups(
      peer === null || requester === null
        ? null
        : {
            vpc: vpcKey(options, accountIndex, peer),
            peering: peeringKey(vpcKey(options, accountIndex, requester)),
          },
    ),
  };
}

/** The VPCs of one account, its peerings, and the other accounts' VPCs those peerings reach. */
export function syntheticNetwork(
  options: SyntheticOrgOptions,
  accountIndex: number,
): { vpcs: VpcPlan[]; foreignVpcs: VpcPlan[]; peerings: PeeringPlan[] } {
  const vpcCount = vpcCountOf(options, accountIndex);
  const vpcs = Array.from({ length: vpcCount }, (_, index) =>
    syntheticVpc(options, accountIndex, index),
  );
  const peerings: PeeringPlan[] = [];
  for (let index = 0; index + 1 < vpcCount; index += ratios.peeringEveryNthVpc) {
    const requester = vpcs[index] as VpcPlan;
    peerings.push({
      key: peeringKey(requester.key),
      name: `${requester.name}-to-vpc-${index + 1}`,
      requesterVpc: requester.key,
      accepterVpc: (vpcs[index + 1] as VpcPlan).key,
    });
  }
  // Across accounts: VPC 2 of every fourth account peers with VPC 3 of the next account.
  const foreignVpcs: VpcPlan[] = [];
  const every = ratios.crossAccountPeeringEveryNthAccount;
  const pair = (requesterAccount: number): PeeringPlan => ({
    key: `${vpcKey(options, requesterAccount, 2)}-cross-account`,
    name: `account-${requesterAccount}-to-account-${requesterAccount + 1}`,
    requesterVpc: vpcKey(options, requesterAccount, 2),
    accepterVpc: vpcKey(options, requesterAccount + 1, 3),
  });
  const hasPairVpcs = (index: number) => vpcCountOf(options, index) >= 4;
  if (accountIndex % every === 0 && accountIndex + 1 < options.accounts) {
    if (hasPairVpcs(accountIndex) && hasPairVpcs(accountIndex + 1)) {
      peerings.push(pair(accountIndex));
      foreignVpcs.push(syntheticVpc(options, accountIndex + 1, 3));
    }
  }
  if (accountIndex % every === 1 && hasPairVpcs(accountIndex) && hasPairVpcs(accountIndex - 1)) {
    peerings.push(pair(accountIndex - 1));
    foreignVpcs.push(syntheticVpc(options, accountIndex - 1, 2));
  }
  return { vpcs, foreignVpcs, peerings };
}
