/** What a synthetic organization holds, in absolute numbers; every other count follows. */
export interface SyntheticOrgOptions {
  accounts: number;
  instances: number;
  roles: number;
  vpcs: number;
  regions: string[];
  seed: number;
}

/** The organization the project's import goal is stated for. */
export const fullSyntheticOrg: SyntheticOrgOptions = {
  accounts: 200,
  instances: 100_000,
  roles: 20_000,
  vpcs: 5_000,
  regions: ['us-east-1', 'eu-west-1', 'us-west-2', 'ap-southeast-2'],
  seed: 1,
};

/** Everything multiplied by `scale` (at least one of each). */
export function scaledSyntheticOrg(scale: number, seed: number): SyntheticOrgOptions {
  const times = (count: number) => Math.max(1, Math.round(count * scale));
  return {
    accounts: times(fullSyntheticOrg.accounts),
    instances: times(fullSyntheticOrg.instances),
    roles: times(fullSyntheticOrg.roles),
    vpcs: times(fullSyntheticOrg.vpcs),
    regions: fullSyntheticOrg.regions,
    seed,
  };
}

/**
 * The proportions of everything else, per account or per VPC. Stated once, printed by the
 * benchmark, so its figures can be read against them.
 */
export const syntheticProportions = {
  subnetsPerVpc: 4,
  /** default, web, app, db; plus one more per peered VPC pair referencing the peer's group. */
  securityGroupsPerVpc: 4,
  routeTablesPerVpc: 3,
  /** One NAT gateway (with its ENI and EIP) in every other VPC. */
  natEveryNthVpc: 2,
  /** One VPC peering per ten VPCs inside an account, and one across accounts per four accounts. */
  peeringEveryNthVpc: 10,
  crossAccountPeeringEveryNthAccount: 4,
  /** One instance in twenty has an Elastic IP; every other one a data volume. */
  elasticIpEveryNthInstance: 20,
  dataVolumeEveryNthInstance: 2,
  keyPairsPerRegion: 5,
  /** Half the roles are EC2 roles with an instance profile; one customer policy per four roles. */
  instanceProfilesPerRole: 0.5,
  customerPoliciesPerRole: 0.25,
  usersPerAccount: 20,
  groupsPerAccount: 5,
  lambdasPerAccount: 10,
  databasesPerAccount: 5,
  bucketsPerAccount: 10,
  /** Three buckets in ten have a bucket policy. */
  bucketPolicyEveryNth: 3,
} as const;
