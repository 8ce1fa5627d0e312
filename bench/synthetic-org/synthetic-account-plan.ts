import { allow, policy, trustAccount, trustServices } from '../../src/demo/demo-iam-policies.js';
import type {
  AccountPlan,
  BucketPlan,
  DatabasePlan,
  IdentityPlan,
  InstancePlan,
  LambdaPlan,
  OrganizationPlan,
  RolePlan,
} from '../../src/demo/demo-plan.js';
import { syntheticProportions as ratios, type SyntheticOrgOptions } from './synthetic-options.js';
import { shareOf, syntheticAccountId, syntheticNetwork, vpcCountOf } from './synthetic-network.js';

const instanceKinds = ['web', 'api', 'batch', 'worker', 'cache', 'bastion', 'jenkins-agent', 'etl'];
const images: InstancePlan['image'][] = ['amazon-linux', 'amazon-linux', 'ubuntu', 'windows'];

export function syntheticAccounts(options: SyntheticOrgOptions): AccountPlan[] {
  return Array.from({ length: options.accounts }, (_, index) => ({
    id: syntheticAccountId(options, index),
    name: index === 0 ? 'management' : `workload-${index}`,
    email: `aws-${index}@example.com`,
    alias: `synthetic-${index}`,
    joinedAt: '2021-01-04T10:00:00+00:00',
  }));
}

function roleCounts(total: number): { ec2: number; lambda: number; cross: number } {
  const fixed = 5;
  const ec2 = Math.max(1, Math.floor(total * ratios.instanceProfilesPerRole));
  const lambda = Math.max(1, Math.floor(total * 0.1));
  return { ec2, lambda, cross: Math.max(0, total - ec2 - lambda - fixed) };
}

function identities(options: SyntheticOrgOptions, accountIndex: number): IdentityPlan {
  const accountId = syntheticAccountId(options, accountIndex);
  const counts = roleCounts(shareOf(options.roles, options.accounts, accountIndex));
  const policyCount = Math.max(
    1,
    Math.floor((counts.ec2 + counts.lambda) * ratios.customerPoliciesPerRole * 2),
  );
  const policies = Array.from({ length: policyCount }, (_, index) => ({
    name: `app-policy-${index}`,
    description: `Application policy ${index}`,
    document: policy(
      allow(
        ['s3:GetObject', 's3:PutObject'],
        `arn:aws:s3:::synthetic-${accountId}-bucket-${index % 10}/*`,
      ),
      allow(['sqs:SendMessage', 'sqs:ReceiveMessage'], `arn:aws:sqs:*:${accountId}:queue-${index}`),
    ),
  }));
  const roles: RolePlan[] = [
    ...Array.from({ length: counts.ec2 }, (_, index) => ({
      name: `ec2-role-${index}`,
      trust: trustServices('ec2.amazonaws.com'),
      managed: ['AmazonSSMManagedInstanceCore', `app-policy-${index % policyCount}`],
      profile: `ec2-role-${index}-profile`,
    })),
    ...Array.from({ length: counts.lambda }, (_, index) => ({
      name: `lambda-role-${index}`,
      trust: trustServices('lambda.amazonaws.com'),
      managed: ['AWSLambdaVPCAccessExecutionRole', `app-policy-${index % policyCount}`],
    })),
    ...Array.from({ length: counts.cross }, (_, index) => {
      const external = index % 10 === 0;
      const other = syntheticAccountId(options, (accountIndex + index + 1) % options.accounts);
      return {
        name: `cross-account-${index}`,
        trust: external ? trustAccount('999988887777', `external-${index}`) : trustAccount(other),
        managed: [index % 3 === 0 ? 'PowerUserAccess' : 'ReadOnlyAccess'],
      };
    }),
    {
      name: 'OrganizationAccountAccessRole',
      trust: trustAccount(syntheticAccountId(options, 0)),
      managed: ['AdministratorAccess'],
    },
    {
      name: 'SecurityAuditRole',
      trust: trustAccount(syntheticAccountId(options, 1 % options.accounts)),
      managed: ['SecurityAudit'],
    },
    ...[
      ['AWSServiceRoleForSupport', 'support.amazonaws.com', 'AWSSupportServiceRolePolicy'],
      [
        'AWSServiceRoleForTrustedAdvisor',
        'trustedadvisor.amazonaws.com',
        'AWSTrustedAdvisorServiceRolePolicy',
      ],
      ['AWSServiceRoleForRDS', 'rds.amazonaws.com', 'AmazonRDSServiceRolePolicy'],
    ].map(([name, service, managed]) => ({
      name: name as string,
      path: `/aws-service-role/${service}/`,
      trust: trustServices(service as string),
      managed: [managed as string],
    })),
  ];
  const groups = Array.from({ length: ratios.groupsPerAccount }, (_, index) => ({
    name: `group-${index}`,
    managed: [
      index === 0 ? 'AdministratorAccess' : index % 2 === 0 ? 'PowerUserAccess' : 'ReadOnlyAccess',
    ],
  }));
  const users = Array.from({ length: ratios.usersPerAccount }, (_, index) => ({
    name: `user-${index}`,
    groups: [`group-${index % ratios.groupsPerAccount}`],
    managed: index % 4 === 0 ? [`app-policy-${index % policyCount}`] : [],
  }));
  return { accountId, roles, users, groups, policies };
}

function instances(
  options: SyntheticOrgOptions,
  accountIndex: number,
  vpcKeys: string[],
  ec2Roles: number,
): InstancePlan[] {
  const count = shareOf(options.instances, options.accounts, accountIndex);
  const subnetSuffixes = ['public-a', 'public-b', 'private-a', 'private-b'];
  return Array.from({ length: count }, (_, index) => {
    const vpcIndex = index % vpcKeys.length;
    const kind = instanceKinds[index % instanceKinds.length] as string;
    const suffix = subnetSuffixes[Math.floor(index / vpcKeys.length) % 4] as string;
    return {
      name: `${kind}-${vpcIndex}-${index}`,
      vpc: vpcKeys[vpcIndex] as string,
      subnet: `vpc-${vpcIndex}-${suffix}`,
      instanceType: kind === 'web' || kind === 'bastion' ? 't3.medium' : 'm5.large',
      groups: kind === 'web' || kind === 'bastion' ? ['web'] : ['app'],
      keyName: `key-${index % ratios.keyPairsPerRegion}`,
      image: images[index % images.length] as InstancePlan['image'],
      ...(index % 3 === 0 ? {} : { profile: `ec2-role-${index % ec2Roles}-profile` }),
      ...(index % ratios.elasticIpEveryNthInstance === 0 && suffix.startsWith('public')
        ? { elasticIp: true }
        : {}),
      ...(index % ratios.dataVolumeEveryNthInstance === 0 ? { dataVolumeGiB: 100 } : {}),
      ...(index % 17 === 0 ? { state: 'stopped' as const } : {}),
    };
  });
}

/**
 * The plan of one account of the synthetic organization: its own resources, plus the other
 * accounts' VPCs its cross-account peerings reach (their records are built but not written).
 */
export function syntheticAccountPlan(
  options: SyntheticOrgOptions,
  accountIndex: number,
  accounts: AccountPlan[],
): OrganizationPlan {
  const accountId = syntheticAccountId(options, accountIndex);
  const network = syntheticNetwork(options, accountIndex);
  const vpcKeys = network.vpcs.map((vpc) => vpc.key);
  const identity = identities(options, accountIndex);
  const counts = roleCounts(shareOf(options.roles, options.accounts, accountIndex));
  const vpcCount = vpcCountOf(options, accountIndex);
  const lambdas: LambdaPlan[] = Array.from({ length: ratios.lambdasPerAccount }, (_, index) => {
    const vpc = network.vpcs[(index * 3) % vpcCount];
    const inVpc = index % 2 === 0 && vpc !== undefined;
    return {
      name: `function-${index}`,
      accountId,
      region: inVpc ? vpc.region : (options.regions[index % options.regions.length] as string),
      role: `lambda-role-${index % counts.lambda}`,
      runtime: index % 2 === 0 ? 'python3.12' : 'nodejs20.x',
      handler: 'index.handler',
      description: `Synthetic function ${index}`,
      memoryMb: 256,
      timeoutSeconds: 30,
      ...(inVpc
        ? {
            network: {
              vpc: vpc.key,
              subnets: [`${vpc.name}-private-a`, `${vpc.name}-private-b`],
              groups: ['app'],
            },
          }
        : {}),
    };
  });
  const databases: DatabasePlan[] = Array.from(
    { length: ratios.databasesPerAccount },
    (_, index) => {
      const vpc = network.vpcs[(index * 5 + 1) % vpcCount] as (typeof network.vpcs)[number];
      return {
        identifier: `db-${index}`,
        vpc: vpc.key,
        subnets: [`${vpc.name}-private-a`, `${vpc.name}-private-b`],
        groups: ['db'],
        engine: index % 2 === 0 ? 'postgres' : 'mysql',
        engineVersion: index % 2 === 0 ? '15.7' : '8.0.36',
        instanceClass: 'db.m6g.large',
        databaseName: `app${index}`,
        storageGiB: 100,
      };
    },
  );
  const buckets: BucketPlan[] = Array.from({ length: ratios.bucketsPerAccount }, (_, index) => ({
    accountId,
    name: `synthetic-${accountId}-bucket-${index}`,
    region: options.regions[index % options.regions.length] as string,
    ...(index % ratios.bucketPolicyEveryNth === 0
      ? {
          policy: policy({
            Effect: 'Allow',
            Principal: { AWS: `arn:aws:iam::${accountId}:root` },
            Action: 's3:GetObject',
            Resource: `arn:aws:s3:::synthetic-${accountId}-bucket-${index}/*`,
          }),
        }
      : {}),
  }));
  const keys = Array.from({ length: ratios.keyPairsPerRegion }, (_, index) => `key-${index}`);
  return {
    organizationId: `o-synth${String(options.seed).padStart(5, '0').slice(-5)}`,
    managementAccountId: syntheticAccountId(options, 0),
    accounts,
    regions: options.regions,
    vpcs: [...network.vpcs, ...network.foreignVpcs],
    peerings: network.peerings,
    instances: instances(options, accountIndex, vpcKeys, counts.ec2),
    lambdas,
    databases,
    identities: [identity],
    buckets,
    spareKeyPairs: Object.fromEntries(
      options.regions.map((region) => [`${accountId}/${region}`, keys]),
    ),
  };
}
