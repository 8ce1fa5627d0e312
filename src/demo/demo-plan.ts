/**
 * The declarative description of the demo organization: which accounts, networks, hosts,
 * identities and buckets exist. Builders turn it into the aws CLI responses.
 */

export interface AccountPlan {
  id: string;
  name: string;
  email: string;
  alias: string;
  joinedAt: string;
}

export interface SubnetPlan {
  name: string;
  cidr: string;
  /** The letter of the availability zone: `a` for us-east-1a. */
  zone: string;
  /** Routed to the internet gateway; instances launched in it get a public address. */
  public: boolean;
  /** Subnets with the same route table key share one route table. */
  routeTable: string;
}

/** A security group source: a CIDR, a group of the same VPC, or a group across a peering. */
export type RuleSource =
  | { cidr: string }
  | { group: string }
  | { peerGroup: { vpc: string; group: string; peering: string } };

export interface IngressPlan {
  protocol: 'tcp' | 'udp' | 'icmp' | '-1';
  fromPort: number;
  toPort: number;
  source: RuleSource;
  description: string;
}

export interface SecurityGroupPlan {
  name: string;
  description: string;
  ingress: IngressPlan[];
}

export interface VpcPlan {
  /** Unique key used to derive ids and to refer to this VPC from other plans. */
  key: string;
  accountId: string;
  region: string;
  name: string;
  cidr: string;
  isDefault: boolean;
  subnets: SubnetPlan[];
  /** The public subnet holding the NAT gateway that private route tables use. */
  natSubnet?: string;
  securityGroups: SecurityGroupPlan[];
  /** Extra network ACL for some subnets, besides the default one that covers the rest. */
  customAcl?: { name: string; subnets: string[]; allowCidrs: string[] };
}

export interface PeeringPlan {
  key: string;
  name: string;
  requesterVpc: string;
  accepterVpc: string;
}

export interface InstancePlan {
  name: string;
  vpc: string;
  subnet: string;
  instanceType: string;
  groups: string[];
  keyName: string;
  image: 'amazon-linux' | 'ubuntu' | 'windows';
  /** Instance profile name, in the instance's account. */
  profile?: string;
  elasticIp?: boolean;
  dataVolumeGiB?: number;
  state?: 'running' | 'stopped';
  tags?: Record<string, string>;
}

export interface LambdaPlan {
  name: string;
  accountId: string;
  region: string;
  role: string;
  runtime: string;
  handler: string;
  description: string;
  memoryMb: number;
  timeoutSeconds: number;
  environment?: Record<string, string>;
  network?: { vpc: string; subnets: string[]; groups: string[] };
}

export interface DatabasePlan {
  identifier: string;
  vpc: string;
  subnets: string[];
  groups: string[];
  engine: 'postgres' | 'mysql';
  engineVersion: string;
  instanceClass: string;
  databaseName: string;
  storageGiB: number;
}

/** An IAM policy document, as the aws CLI prints it decoded. */
export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: Record<string, unknown>[];
}

export interface RolePlan {
  name: string;
  path?: string;
  description?: string;
  trust: PolicyDocument;
  /** Managed policy names: AWS managed ones by name, customer managed ones of the account. */
  managed: string[];
  inline?: { name: string; document: PolicyDocument }[];
  profile?: string;
  tags?: Record<string, string>;
}

export interface UserPlan {
  name: string;
  groups: string[];
  managed: string[];
  inline?: { name: string; document: PolicyDocument }[];
  tags?: Record<string, string>;
}

export interface GroupPlan {
  name: string;
  managed: string[];
  inline?: { name: string; document: PolicyDocument }[];
}

export interface IdentityPlan {
  accountId: string;
  roles: RolePlan[];
  users: UserPlan[];
  groups: GroupPlan[];
  /** Customer managed policies of the account, by name. */
  policies: { name: string; description: string; document: PolicyDocument }[];
}

export interface BucketPlan {
  accountId: string;
  name: string;
  region: string;
  policy?: PolicyDocument;
}

/** The whole organization. */
export interface OrganizationPlan {
  organizationId: string;
  managementAccountId: string;
  accounts: AccountPlan[];
  regions: string[];
  vpcs: VpcPlan[];
  peerings: PeeringPlan[];
  instances: InstancePlan[];
  lambdas: LambdaPlan[];
  databases: DatabasePlan[];
  identities: IdentityPlan[];
  buckets: BucketPlan[];
  /** Key pairs that exist without an instance using them, by `account/region`. */
  spareKeyPairs: Record<string, string[]>;
}
