import { awsTimestamp, hexText, instantBefore, macAddress, uuidText } from './aws-ids.js';
import { availabilityZone, type BuildContext } from './build-network.js';
import { demoCollectedAt } from './demo-accounts.js';
import { demoIds, demoSeed, findSubnet, findVpc, tagList } from './demo-ids.js';
import type { DatabasePlan, LambdaPlan, SubnetPlan, VpcPlan } from './demo-plan.js';
import type { AwsObject } from './evidence-book.js';
import { privateDnsName } from './ipv4.js';

/** A requester-managed ENI that a service (Lambda, RDS) places in a customer subnet. */
function serviceInterface(
  context: BuildContext,
  vpc: VpcPlan,
  subnet: SubnetPlan,
  key: string,
  details: { description: string; interfaceType: string; requesterId: string; groups: string[] },
): AwsObject {
  const eniId = demoIds.networkInterface(key);
  const privateIp = context.ips.privateAddress(subnet.cidr);
  const zone = availabilityZone(vpc.region, subnet.zone);
  const document = {
    Attachment: {
      AttachTime: awsTimestamp(instantBefore(demoCollectedAt, 300, key, demoSeed)),
      AttachmentId: demoIds.attachment(key),
      DeleteOnTermination: false,
      DeviceIndex: 1,
      InstanceOwnerId: details.interfaceType === 'lambda' ? 'amazon-aws' : 'amazon-rds',
      Status: 'attached',
    },
    AvailabilityZone: zone.name,
    AvailabilityZoneId: zone.id,
    Description: details.description,
    Groups: details.groups.map((name) => ({
      GroupName: name,
      GroupId: demoIds.securityGroup(vpc.key, name),
    })),
    InterfaceType: details.interfaceType,
    Ipv6Addresses: [],
    MacAddress: macAddress(eniId, demoSeed),
    NetworkInterfaceId: eniId,
    OwnerId: vpc.accountId,
    PrivateDnsName: privateDnsName(privateIp, vpc.region),
    PrivateIpAddress: privateIp,
    PrivateIpAddresses: [
      {
        Primary: true,
        PrivateDnsName: privateDnsName(privateIp, vpc.region),
        PrivateIpAddress: privateIp,
      },
    ],
    RequesterId: details.requesterId,
    RequesterManaged: true,
    SourceDestCheck: true,
    Status: 'in-use',
    SubnetId: demoIds.subnet(vpc.key, subnet),
    TagSet: [],
    VpcId: demoIds.vpc(vpc.key),
  };
  context.book.region(vpc.accountId, vpc.region).add('ec2:DescribeNetworkInterfaces', document);
  return document;
}

function lambdaDocument(context: BuildContext, plan: LambdaPlan): AwsObject {
  const key = `${plan.accountId}/${plan.region}/${plan.name}`;
  const network = plan.network;
  let vpcConfig: AwsObject = {
    SubnetIds: [],
    SecurityGroupIds: [],
    Ipv6AllowedForDualStack: false,
  };
  if (network !== undefined) {
    const vpc = findVpc(context.plan.vpcs, network.vpc);
    const subnets = network.subnets.map((name) => findSubnet(vpc, name));
    vpcConfig = {
      SubnetIds: subnets.map((subnet) => demoIds.subnet(vpc.key, subnet)),
      SecurityGroupIds: network.groups.map((name) => demoIds.securityGroup(vpc.key, name)),
      VpcId: demoIds.vpc(vpc.key),
      Ipv6AllowedForDualStack: false,
    };
    for (const subnet of subnets) {
      serviceInterface(context, vpc, subnet, `lambda/${key}/${subnet.cidr}`, {
        description: `AWS Lambda VPC ENI-${plan.name}-${uuidText(subnet.cidr + key, demoSeed)}`,
        interfaceType: 'lambda',
        requesterId: `${demoIds.iam('AROA', `${plan.accountId}/${plan.role}`)}:${plan.name}`,
        groups: network.groups,
      });
    }
  }
  const rolePlan = context.plan.identities
    .find((identity) => identity.accountId === plan.accountId)
    ?.roles.find((role) => role.name === plan.role);
  if (rolePlan === undefined) throw new Error(`demo plan: no role ${plan.role} for ${plan.name}`);
  const rolePath = rolePlan.path ?? '/';
  const modified = instantBefore(demoCollectedAt, 200, key, demoSeed);
  return {
    FunctionName: plan.name,
    FunctionArn: `arn:aws:lambda:${plan.region}:${plan.accountId}:function:${plan.name}`,
    Runtime: plan.runtime,
    Role: `arn:aws:iam::${plan.accountId}:role${rolePath}${plan.role}`,
    Handler: plan.handler,
    CodeSize: 4096 + (Number.parseInt(hexText(key, 4, demoSeed), 16) % 900_000),
    Description: plan.description,
    Timeout: plan.timeoutSeconds,
    MemorySize: plan.memoryMb,
    LastModified: `${modified.toISOString().slice(0, 23)}+0000`,
    CodeSha256: Buffer.from(hexText(`code/${key}`, 64, demoSeed), 'hex').toString('base64'),
    Version: '$LATEST',
    VpcConfig: vpcConfig,
    ...(plan.environment === undefined ? {} : { Environment: { Variables: plan.environment } }),
    TracingConfig: { Mode: 'PassThrough' },
    RevisionId: uuidText(`revision/${key}`, demoSeed),
    PackageType: 'Zip',
    Architectures: ['x86_64'],
    EphemeralStorage: { Size: 512 },
    SnapStart: { ApplyOn: 'None', OptimizationStatus: 'Off' },
    LoggingConfig: { LogFormat: 'Text', LogGroup: `/aws/lambda/${plan.name}` },
  };
}

function databaseDocument(context: BuildContext, plan: DatabasePlan): AwsObject {
  const vpc = findVpc(context.plan.vpcs, plan.vpc);
  const subnets = plan.subnets.map((name) => findSubnet(vpc, name));
  const primary = subnets[0] as SubnetPlan;
  const key = `${vpc.accountId}/${vpc.region}/${plan.identifier}`;
  serviceInterface(context, vpc, primary, `rds/${key}`, {
    description: 'RDSNetworkInterface',
    interfaceType: 'interface',
    requesterId: 'amazon-rds',
    groups: plan.groups,
  });
  const created = awsTimestamp(instantBefore(demoCollectedAt, 700, key, demoSeed));
  const port = plan.engine === 'postgres' ? 5432 : 3306;
  const family = plan.engine === 'postgres' ? 'postgres15' : 'mysql8.0';
  const clusterSuffix = hexText(`rds/${vpc.accountId}/${vpc.region}`, 12, demoSeed);
  return {
    DBInstanceIdentifier: plan.identifier,
    DBInstanceClass: plan.instanceClass,
    Engine: plan.engine,
    DBInstanceStatus: 'available',
    MasterUsername: plan.engine === 'postgres' ? 'orders_admin' : 'wp_admin',
    DBName: plan.databaseName,
    Endpoint: {
      Address: `${plan.identifier}.c${clusterSuffix}.${vpc.region}.rds.amazonaws.com`,
      Port: port,
      HostedZoneId: vpc.region === 'us-east-1' ? 'Z2R2ITUGPM61AM' : 'Z29XKXDKYMONMX',
    },
    AllocatedStorage: plan.storageGiB,
    InstanceCreateTime: created,
    PreferredBackupWindow: '03:00-03:30',
    BackupRetentionPeriod: 7,
    DBSecurityGroups: [],
    VpcSecurityGroups: plan.groups.map((name) => ({
      VpcSecurityGroupId: demoIds.securityGroup(vpc.key, name),
      Status: 'active',
    })),
    DBParameterGroups: [
      { DBParameterGroupName: `default.${family}`, ParameterApplyStatus: 'in-sync' },
    ],
    AvailabilityZone: `${vpc.region}${primary.zone}`,
    DBSubnetGroup: {
      DBSubnetGroupName: `${plan.identifier}-subnets`,
      DBSubnetGroupDescription: `Subnets of ${plan.identifier}`,
      VpcId: demoIds.vpc(vpc.key),
      SubnetGroupStatus: 'Complete',
      Subnets: subnets.map((subnet) => ({
        SubnetIdentifier: demoIds.subnet(vpc.key, subnet),
        SubnetAvailabilityZone: { Name: `${vpc.region}${subnet.zone}` },
        SubnetOutpost: {},
        SubnetStatus: 'Active',
      })),
    },
    PreferredMaintenanceWindow: 'sun:05:00-sun:05:30',
    PendingModifiedValues: {},
    LatestRestorableTime: awsTimestamp(new Date(demoCollectedAt.getTime() - 300_000)),
    MultiAZ: false,
    EngineVersion: plan.engineVersion,
    AutoMinorVersionUpgrade: true,
    ReadReplicaDBInstanceIdentifiers: [],
    LicenseModel: plan.engine === 'postgres' ? 'postgresql-license' : 'general-public-license',
    OptionGroupMemberships: [
      {
        OptionGroupName: `default:${plan.engine}-${plan.engineVersion.split('.')[0]}`,
        Status: 'in-sync',
      },
    ],
    PubliclyAccessible: false,
    StorageType: 'gp3',
    DbInstancePort: 0,
    StorageEncrypted: true,
    KmsKeyId: `arn:aws:kms:${vpc.region}:${vpc.accountId}:key/${uuidText(`kms/${key}`, demoSeed)}`,
    DbiResourceId: `db-${hexText(`dbi/${key}`, 26, demoSeed).toUpperCase()}`,
    CACertificateIdentifier: 'rds-ca-rsa2048-g1',
    DomainMemberships: [],
    CopyTagsToSnapshot: true,
    MonitoringInterval: 0,
    DBInstanceArn: `arn:aws:rds:${vpc.region}:${vpc.accountId}:db:${plan.identifier}`,
    IAMDatabaseAuthenticationEnabled: false,
    PerformanceInsightsEnabled: false,
    DeletionProtection: true,
    AssociatedRoles: [],
    TagList: tagList('', { Name: plan.identifier, Environment: vpc.key.split('-')[0] ?? '' }),
    CustomerOwnedIpEnabled: false,
    BackupTarget: 'region',
    NetworkType: 'IPV4',
    StorageThroughput: 125,
    CertificateDetails: {
      CAIdentifier: 'rds-ca-rsa2048-g1',
      ValidTill: '2026-06-11T22:13:00+00:00',
    },
    DedicatedLogVolume: false,
    EngineLifecycleSupport: 'open-source-rds-extended-support',
  };
}

/** Lambda functions and RDS instances, with the ENIs they place in VPC subnets. */
export function buildServerless(context: BuildContext): void {
  for (const plan of context.plan.lambdas) {
    context.book
      .region(plan.accountId, plan.region)
      .add('lambda:ListFunctions', lambdaDocument(context, plan));
  }
  for (const plan of context.plan.databases) {
    const vpc = findVpc(context.plan.vpcs, plan.vpc);
    context.book
      .region(vpc.accountId, vpc.region)
      .add('rds:DescribeDBInstances', databaseDocument(context, plan));
  }
}
