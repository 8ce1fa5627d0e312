import { awsTimestamp, ec2Id, hexText, instantBefore, macAddress, uuidText } from './aws-ids.js';
import { availabilityZone, type BuildContext } from './build-network.js';
import { demoCollectedAt } from './demo-accounts.js';
import { demoIds, demoSeed, findSubnet, findVpc, tagList } from './demo-ids.js';
import type { InstancePlan, VpcPlan } from './demo-plan.js';
import type { AwsObject } from './evidence-book.js';
import { privateDnsName, publicDnsName } from './ipv4.js';

const images = {
  'amazon-linux': { root: '/dev/xvda', rootGiB: 8, platform: 'Linux/UNIX', usage: 'RunInstances' },
  ubuntu: { root: '/dev/sda1', rootGiB: 16, platform: 'Linux/UNIX', usage: 'RunInstances' },
  windows: { root: '/dev/sda1', rootGiB: 50, platform: 'Windows', usage: 'RunInstances:0002' },
} as const;

const coreCounts: Record<string, number> = { micro: 1, small: 1, medium: 1, large: 1, xlarge: 2 };

function cpuOptions(instanceType: string): { CoreCount: number; ThreadsPerCore: number } {
  const size = instanceType.split('.')[1] ?? 'large';
  const multiple = Number.parseInt(size, 10);
  const cores = Number.isNaN(multiple) ? (coreCounts[size] ?? 1) : multiple * 2;
  return { CoreCount: cores, ThreadsPerCore: 2 };
}

/** The ids and addresses of one instance, shared by its instance, ENI, volume and EIP records. */
interface InstanceFacts {
  plan: InstancePlan;
  vpc: VpcPlan;
  instanceId: string;
  eniId: string;
  privateIp: string;
  publicIp: string | null;
  launchedAt: string;
  groups: { GroupName: string; GroupId: string }[];
  volumes: { device: string; volumeId: string; sizeGiB: number; root: boolean }[];
  elastic: { allocationId: string; associationId: string } | null;
}

function instanceFacts(context: BuildContext, plan: InstancePlan): InstanceFacts {
  const vpc = findVpc(context.plan.vpcs, plan.vpc);
  const subnet = findSubnet(vpc, plan.subnet);
  const key = `${vpc.accountId}/${plan.name}`;
  const running = (plan.state ?? 'running') === 'running';
  const publicIp =
    plan.elasticIp === true || (subnet.public && running)
      ? context.ips.publicAddress(vpc.region)
      : null;
  const image = images[plan.image];
  const volumes = [
    {
      device: image.root,
      volumeId: demoIds.volume(`${key}/root`),
      sizeGiB: image.rootGiB,
      root: true,
    },
    ...(plan.dataVolumeGiB === undefined
      ? []
      : [
          {
            device: '/dev/sdf',
            volumeId: demoIds.volume(`${key}/data`),
            sizeGiB: plan.dataVolumeGiB,
            root: false,
          },
        ]),
  ];
  return {
    plan,
    vpc,
    instanceId: demoIds.instance(vpc.accountId, plan.name),
    eniId: demoIds.networkInterface(`instance/${key}`),
    privateIp: context.ips.privateAddress(subnet.cidr),
    publicIp,
    launchedAt: awsTimestamp(instantBefore(demoCollectedAt, 400, key, demoSeed)),
    groups: plan.groups.map((name) => ({
      GroupName: name,
      GroupId: demoIds.securityGroup(vpc.key, name),
    })),
    volumes,
    elastic:
      plan.elasticIp === true
        ? { allocationId: demoIds.allocation(key), associationId: demoIds.association(key) }
        : null,
  };
}

/** The ENI as DescribeInstances nests it (the standalone record adds a few fields). */
function nestedInterface(facts: InstanceFacts): AwsObject {
  const { vpc, privateIp, publicIp } = facts;
  const association =
    publicIp === null
      ? {}
      : {
          Association: {
            IpOwnerId: facts.elastic === null ? 'amazon' : vpc.accountId,
            PublicDnsName: publicDnsName(publicIp, vpc.region),
            PublicIp: publicIp,
          },
        };
  const subnet = findSubnet(vpc, facts.plan.subnet);
  return {
    ...association,
    Attachment: {
      AttachTime: facts.launchedAt,
      AttachmentId: demoIds.attachment(facts.eniId),
      DeleteOnTermination: true,
      DeviceIndex: 0,
      Status: 'attached',
      NetworkCardIndex: 0,
    },
    Description: '',
    Groups: facts.groups,
    Ipv6Addresses: [],
    MacAddress: macAddress(facts.eniId, demoSeed),
    NetworkInterfaceId: facts.eniId,
    OwnerId: vpc.accountId,
    PrivateDnsName: privateDnsName(privateIp, vpc.region),
    PrivateIpAddress: privateIp,
    PrivateIpAddresses: [
      {
        ...association,
        Primary: true,
        PrivateDnsName: privateDnsName(privateIp, vpc.region),
        PrivateIpAddress: privateIp,
      },
    ],
    SourceDestCheck: true,
    Status: 'in-use',
    SubnetId: demoIds.subnet(vpc.key, subnet),
    VpcId: demoIds.vpc(vpc.key),
    InterfaceType: 'interface',
  };
}

function instanceDocument(facts: InstanceFacts): AwsObject {
  const { plan, vpc } = facts;
  const image = images[plan.image];
  const running = (plan.state ?? 'running') === 'running';
  const zone = availabilityZone(vpc.region, findSubnet(vpc, plan.subnet).zone);
  const profile =
    plan.profile === undefined
      ? {}
      : {
          IamInstanceProfile: {
            Arn: `arn:aws:iam::${vpc.accountId}:instance-profile/${plan.profile}`,
            Id: demoIds.iam('AIPA', `${vpc.accountId}/${plan.profile}`),
          },
        };
  return {
    AmiLaunchIndex: 0,
    ImageId: ec2Id('ami', `${vpc.region}/${plan.image}`, demoSeed),
    InstanceId: facts.instanceId,
    InstanceType: plan.instanceType,
    KeyName: plan.keyName,
    LaunchTime: facts.launchedAt,
    Monitoring: { State: 'disabled' },
    Placement: { AvailabilityZone: zone.name, GroupName: '', Tenancy: 'default' },
    ...(plan.image === 'windows' ? { Platform: 'windows' } : {}),
    PrivateDnsName: privateDnsName(facts.privateIp, vpc.region),
    PrivateIpAddress: facts.privateIp,
    ProductCodes: [],
    PublicDnsName: facts.publicIp === null ? '' : publicDnsName(facts.publicIp, vpc.region),
    ...(facts.publicIp === null ? {} : { PublicIpAddress: facts.publicIp }),
    State: running ? { Code: 16, Name: 'running' } : { Code: 80, Name: 'stopped' },
    StateTransitionReason: running ? '' : `User initiated (${facts.launchedAt.slice(0, 19)} GMT)`,
    SubnetId: demoIds.subnet(vpc.key, findSubnet(vpc, plan.subnet)),
    VpcId: demoIds.vpc(vpc.key),
    Architecture: 'x86_64',
    BlockDeviceMappings: facts.volumes.map((volume) => ({
      DeviceName: volume.device,
      Ebs: {
        AttachTime: facts.launchedAt,
        DeleteOnTermination: volume.root,
        Status: 'attached',
        VolumeId: volume.volumeId,
      },
    })),
    ClientToken: uuidText(facts.instanceId, demoSeed),
    EbsOptimized: !plan.instanceType.startsWith('t'),
    EnaSupport: true,
    Hypervisor: 'xen',
    ...profile,
    NetworkInterfaces: [nestedInterface(facts)],
    RootDeviceName: image.root,
    RootDeviceType: 'ebs',
    SecurityGroups: facts.groups,
    SourceDestCheck: true,
    Tags: tagList(plan.name, plan.tags),
    VirtualizationType: 'hvm',
    CpuOptions: cpuOptions(plan.instanceType),
    CapacityReservationSpecification: { CapacityReservationPreference: 'open' },
    HibernationOptions: { Configured: false },
    MetadataOptions: {
      State: 'applied',
      // Older hosts still allow IMDSv1, as many real fleets do: tokens optional.
      HttpTokens:
        plan.name.startsWith('render') || plan.name === 'legacy-ftp' ? 'optional' : 'required',
      HttpPutResponseHopLimit: 2,
      HttpEndpoint: 'enabled',
      HttpProtocolIpv6: 'disabled',
      InstanceMetadataTags: 'disabled',
    },
    EnclaveOptions: { Enabled: false },
    PlatformDetails: image.platform,
    UsageOperation: image.usage,
    UsageOperationUpdateTime: facts.launchedAt,
    PrivateDnsNameOptions: {
      HostnameType: 'ip-name',
      EnableResourceNameDnsARecord: false,
      EnableResourceNameDnsAAAARecord: false,
    },
    MaintenanceOptions: { AutoRecovery: 'default' },
    CurrentInstanceBootMode: 'legacy-bios',
  };
}

function addInstanceRecords(context: BuildContext, facts: InstanceFacts): void {
  const { vpc, plan } = facts;
  const region = context.book.region(vpc.accountId, vpc.region);
  const zone = availabilityZone(vpc.region, findSubnet(vpc, plan.subnet).zone);
  region.add('ec2:DescribeInstances', {
    Groups: [],
    Instances: [instanceDocument(facts)],
    OwnerId: vpc.accountId,
    ReservationId: demoIds.reservation(vpc.accountId, plan.name),
  });
  const nested = nestedInterface(facts);
  region.add('ec2:DescribeNetworkInterfaces', {
    ...nested,
    Attachment: {
      ...(nested['Attachment'] as AwsObject),
      InstanceId: facts.instanceId,
      InstanceOwnerId: vpc.accountId,
    },
    AvailabilityZone: zone.name,
    AvailabilityZoneId: zone.id,
    RequesterManaged: false,
    TagSet: [],
  });
  for (const volume of facts.volumes) {
    region.add('ec2:DescribeVolumes', {
      Attachments: [
        {
          AttachTime: facts.launchedAt,
          Device: volume.device,
          InstanceId: facts.instanceId,
          State: 'attached',
          VolumeId: volume.volumeId,
          DeleteOnTermination: volume.root,
        },
      ],
      AvailabilityZone: zone.name,
      CreateTime: facts.launchedAt,
      Encrypted: !volume.root,
      Size: volume.sizeGiB,
      SnapshotId: volume.root
        ? `snap-0${hexText(`${plan.image}/${vpc.region}`, 16, demoSeed)}`
        : '',
      State: 'in-use',
      VolumeId: volume.volumeId,
      Iops: 3000,
      VolumeType: 'gp3',
      MultiAttachEnabled: false,
      Throughput: 125,
      ...(volume.root ? {} : { Tags: tagList(`${plan.name}-data`) }),
    });
  }
  if (facts.elastic !== null && facts.publicIp !== null) {
    region.add('ec2:DescribeAddresses', {
      InstanceId: facts.instanceId,
      PublicIp: facts.publicIp,
      AllocationId: facts.elastic.allocationId,
      AssociationId: facts.elastic.associationId,
      Domain: 'vpc',
      NetworkInterfaceId: facts.eniId,
      NetworkInterfaceOwnerId: vpc.accountId,
      PrivateIpAddress: facts.privateIp,
      Tags: tagList(`${plan.name}-eip`),
      PublicIpv4Pool: 'amazon',
      NetworkBorderGroup: vpc.region,
    });
  }
}

function keyPairDocument(accountId: string, region: string, keyName: string): AwsObject {
  const key = `${accountId}/${region}/${keyName}`;
  return {
    KeyPairId: demoIds.keyPair(key),
    KeyFingerprint: (hexText(`fingerprint/${key}`, 40, demoSeed).match(/../g) ?? []).join(':'),
    KeyName: keyName,
    KeyType: 'rsa',
    Tags: [],
    CreateTime: awsTimestamp(instantBefore(demoCollectedAt, 1200, key, demoSeed)),
  };
}

/** What the builder handed out, for the facts the demo reports. */
export interface BuiltInstance {
  name: string;
  accountId: string;
  region: string;
  instanceId: string;
  privateIp: string;
  publicIp: string | null;
  elasticAllocationId: string | null;
}

/** Instances with their ENIs, volumes, Elastic IPs and the key pairs they launch with. */
export function buildInstances(context: BuildContext): BuiltInstance[] {
  const built: BuiltInstance[] = [];
  const keyNames = new Map<string, Set<string>>();
  for (const plan of context.plan.instances) {
    const facts = instanceFacts(context, plan);
    addInstanceRecords(context, facts);
    const scope = `${facts.vpc.accountId}/${facts.vpc.region}`;
    keyNames.set(scope, (keyNames.get(scope) ?? new Set()).add(plan.keyName));
    built.push({
      name: plan.name,
      accountId: facts.vpc.accountId,
      region: facts.vpc.region,
      instanceId: facts.instanceId,
      privateIp: facts.privateIp,
      publicIp: facts.publicIp,
      elasticAllocationId: facts.elastic?.allocationId ?? null,
    });
  }
  for (const [scope, spare] of Object.entries(context.plan.spareKeyPairs)) {
    for (const name of spare) keyNames.set(scope, (keyNames.get(scope) ?? new Set()).add(name));
  }
  for (const [scope, names] of keyNames) {
    const [accountId, region] = scope.split('/') as [string, string];
    for (const name of [...names].sort()) {
      context.book
        .region(accountId, region)
        .add('ec2:DescribeKeyPairs', keyPairDocument(accountId, region, name));
    }
  }
  return built;
}
