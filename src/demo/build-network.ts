import { awsTimestamp, instantBefore, macAddress } from './aws-ids.js';
import { demoCollectedAt } from './demo-accounts.js';
import { demoIds, demoSeed, findVpc, tagList } from './demo-ids.js';
import type { OrganizationPlan, SubnetPlan, VpcPlan } from './demo-plan.js';
import type { AwsObject, EvidenceBook } from './evidence-book.js';
import { availableAddressCount, privateDnsName, publicDnsName } from './ipv4.js';
import type { IpAllocator } from './ip-allocator.js';
import { buildSecurityGroups } from './build-security-groups.js';

export interface BuildContext {
  plan: OrganizationPlan;
  book: EvidenceBook;
  ips: IpAllocator;
}

const directionLetters: Record<string, string> = {
  east: 'e',
  west: 'w',
  north: 'n',
  south: 's',
  central: 'c',
  northeast: 'ne',
  northwest: 'nw',
  southeast: 'se',
  southwest: 'sw',
};

/** The zone name and id of a zone letter: `us-east-1`, `b` → `us-east-1b`, `use1-az5`. */
export function availabilityZone(region: string, zone: string): { name: string; id: string } {
  const [area = '', direction = '', number = ''] = region.split('-');
  const prefix = `${area}${directionLetters[direction] ?? direction.slice(0, 1)}${number}`;
  // Zone ids are shuffled per account in AWS; a fixed shift keeps them unlike the letters.
  const zoneNumber = ((zone.charCodeAt(0) - 97 + 3) % 6) + 1;
  return { name: `${region}${zone}`, id: `${prefix}-az${zoneNumber}` };
}

function vpcDocument(vpc: VpcPlan): AwsObject {
  return {
    CidrBlock: vpc.cidr,
    DhcpOptionsId: demoIds.dhcpOptions(vpc.accountId, vpc.region),
    State: 'available',
    VpcId: demoIds.vpc(vpc.key),
    OwnerId: vpc.accountId,
    InstanceTenancy: 'default',
    CidrBlockAssociationSet: [
      {
        AssociationId: `vpc-cidr-assoc-0${demoIds.vpc(vpc.key).slice(5)}`,
        CidrBlock: vpc.cidr,
        CidrBlockState: { State: 'associated' },
      },
    ],
    IsDefault: vpc.isDefault,
    ...(vpc.isDefault ? {} : { Tags: tagList(vpc.name, { Environment: environmentOf(vpc) }) }),
  };
}

function environmentOf(vpc: VpcPlan): string {
  return vpc.key.split('-')[0] ?? 'shared';
}

/** Subnets are written last: their free address counts depend on every address handed out. */
export function buildSubnets(context: BuildContext): void {
  for (const vpc of context.plan.vpcs) {
    const region = context.book.region(vpc.accountId, vpc.region);
    for (const subnet of vpc.subnets) {
      const zone = availabilityZone(vpc.region, subnet.zone);
      const subnetId = demoIds.subnet(vpc.key, subnet);
      region.add('ec2:DescribeSubnets', {
        AvailabilityZone: zone.name,
        AvailabilityZoneId: zone.id,
        AvailableIpAddressCount: availableAddressCount(
          subnet.cidr,
          context.ips.usedCount(subnet.cidr),
        ),
        CidrBlock: subnet.cidr,
        DefaultForAz: vpc.isDefault,
        MapPublicIpOnLaunch: subnet.public,
        State: 'available',
        SubnetId: subnetId,
        VpcId: demoIds.vpc(vpc.key),
        OwnerId: vpc.accountId,
        AssignIpv6AddressOnCreation: false,
        Ipv6CidrBlockAssociationSet: [],
        SubnetArn: `arn:aws:ec2:${vpc.region}:${vpc.accountId}:subnet/${subnetId}`,
        EnableDns64: false,
        Ipv6Native: false,
        PrivateDnsNameOptionsOnLaunch: {
          HostnameType: 'ip-name',
          EnableResourceNameDnsARecord: false,
          EnableResourceNameDnsAAAARecord: false,
        },
        ...(subnet.name === '' ? {} : { Tags: tagList(subnet.name, { Tier: subnet.routeTable }) }),
      });
    }
  }
}

function buildNatGateway(context: BuildContext, vpc: VpcPlan, subnet: SubnetPlan): void {
  const region = context.book.region(vpc.accountId, vpc.region);
  const natId = demoIds.natGateway(vpc.key);
  const eniId = demoIds.networkInterface(`nat/${vpc.key}`);
  const privateIp = context.ips.privateAddress(subnet.cidr);
  const publicIp = context.ips.publicAddress(vpc.region);
  const allocationId = demoIds.allocation(`nat/${vpc.key}`);
  const associationId = demoIds.association(`nat/${vpc.key}`);
  const createdAt = awsTimestamp(instantBefore(demoCollectedAt, 900, natId, demoSeed));
  const name = `${vpc.name} NAT`;
  region.add('ec2:DescribeNatGateways', {
    CreateTime: createdAt,
    NatGatewayAddresses: [
      {
        AllocationId: allocationId,
        NetworkInterfaceId: eniId,
        PrivateIp: privateIp,
        PublicIp: publicIp,
        AssociationId: associationId,
        IsPrimary: true,
        Status: 'succeeded',
      },
    ],
    NatGatewayId: natId,
    State: 'available',
    SubnetId: demoIds.subnet(vpc.key, subnet),
    VpcId: demoIds.vpc(vpc.key),
    Tags: tagList(name),
    ConnectivityType: 'public',
  });
  region.add('ec2:DescribeAddresses', {
    PublicIp: publicIp,
    AllocationId: allocationId,
    AssociationId: associationId,
    Domain: 'vpc',
    NetworkInterfaceId: eniId,
    NetworkInterfaceOwnerId: vpc.accountId,
    PrivateIpAddress: privateIp,
    Tags: tagList(name),
    PublicIpv4Pool: 'amazon',
    NetworkBorderGroup: vpc.region,
  });
  const zone = availabilityZone(vpc.region, subnet.zone);
  region.add('ec2:DescribeNetworkInterfaces', {
    Association: {
      AllocationId: allocationId,
      AssociationId: associationId,
      IpOwnerId: vpc.accountId,
      PublicDnsName: publicDnsName(publicIp, vpc.region),
      PublicIp: publicIp,
    },
    Attachment: {
      AttachmentId: demoIds.attachment(`nat/${vpc.key}`),
      DeleteOnTermination: false,
      DeviceIndex: 1,
      InstanceOwnerId: 'amazon-aws',
      Status: 'attached',
    },
    AvailabilityZone: zone.name,
    AvailabilityZoneId: zone.id,
    Description: `Interface for NAT Gateway ${natId}`,
    Groups: [],
    InterfaceType: 'nat_gateway',
    Ipv6Addresses: [],
    MacAddress: macAddress(eniId, demoSeed),
    NetworkInterfaceId: eniId,
    OwnerId: vpc.accountId,
    PrivateDnsName: privateDnsName(privateIp, vpc.region),
    PrivateIpAddress: privateIp,
    PrivateIpAddresses: [
      {
        Association: { IpOwnerId: vpc.accountId, PublicIp: publicIp },
        Primary: true,
        PrivateDnsName: privateDnsName(privateIp, vpc.region),
        PrivateIpAddress: privateIp,
      },
    ],
    RequesterId: '441095838377',
    RequesterManaged: true,
    SourceDestCheck: false,
    Status: 'in-use',
    SubnetId: demoIds.subnet(vpc.key, subnet),
    TagSet: [],
    VpcId: demoIds.vpc(vpc.key),
  });
}

function route(destination: string, target: Record<string, string>): AwsObject {
  return { DestinationCidrBlock: destination, ...target, Origin: 'CreateRoute', State: 'active' };
}

/** The routes every route table of the VPC gets towards its peers. */
function peeringRoutes(plan: OrganizationPlan, vpc: VpcPlan): AwsObject[] {
  return plan.peerings.flatMap((peering) => {
    const peerKey =
      peering.requesterVpc === vpc.key
        ? peering.accepterVpc
        : peering.accepterVpc === vpc.key
          ? peering.requesterVpc
          : undefined;
    if (peerKey === undefined) return [];
    const peer = findVpc(plan.vpcs, peerKey);
    return [route(peer.cidr, { VpcPeeringConnectionId: demoIds.peering(peering.key) })];
  });
}

function buildRouteTables(context: BuildContext, vpc: VpcPlan): void {
  const region = context.book.region(vpc.accountId, vpc.region);
  const vpcId = demoIds.vpc(vpc.key);
  const local = {
    DestinationCidrBlock: vpc.cidr,
    GatewayId: 'local',
    Origin: 'CreateRouteTable',
    State: 'active',
  };
  const internet = route('0.0.0.0/0', { GatewayId: demoIds.internetGateway(vpc.key) });
  const mainId = demoIds.routeTable(vpc.key, 'main');
  region.add('ec2:DescribeRouteTables', {
    Associations: [
      {
        Main: true,
        RouteTableAssociationId: demoIds.routeTableAssociation(`${vpc.key}/main`),
        RouteTableId: mainId,
        AssociationState: { State: 'associated' },
      },
    ],
    PropagatingVgws: [],
    RouteTableId: mainId,
    Routes: vpc.isDefault ? [local, internet] : [local],
    Tags: vpc.isDefault ? [] : tagList(`${vpc.name} main`),
    VpcId: vpcId,
    OwnerId: vpc.accountId,
  });
  const tableNames = [...new Set(vpc.subnets.map((subnet) => subnet.routeTable))];
  for (const tableName of vpc.isDefault ? [] : tableNames) {
    const tableId = demoIds.routeTable(vpc.key, tableName);
    const members = vpc.subnets.filter((subnet) => subnet.routeTable === tableName);
    const egress =
      tableName === 'public'
        ? [internet]
        : tableName === 'private' && vpc.natSubnet !== undefined
          ? [route('0.0.0.0/0', { NatGatewayId: demoIds.natGateway(vpc.key) })]
          : [];
    region.add('ec2:DescribeRouteTables', {
      Associations: members.map((subnet) => ({
        Main: false,
        RouteTableAssociationId: demoIds.routeTableAssociation(`${vpc.key}/${subnet.cidr}`),
        RouteTableId: tableId,
        SubnetId: demoIds.subnet(vpc.key, subnet),
        AssociationState: { State: 'associated' },
      })),
      PropagatingVgws: [],
      RouteTableId: tableId,
      Routes: [local, ...egress, ...peeringRoutes(context.plan, vpc)],
      Tags: tagList(`${vpc.name} ${tableName}`),
      VpcId: vpcId,
      OwnerId: vpc.accountId,
    });
  }
}

function aclEntry(
  rule: number,
  egress: boolean,
  cidr: string,
  action: 'allow' | 'deny',
): AwsObject {
  return { CidrBlock: cidr, Egress: egress, Protocol: '-1', RuleAction: action, RuleNumber: rule };
}

function buildNetworkAcls(context: BuildContext, vpc: VpcPlan): void {
  const region = context.book.region(vpc.accountId, vpc.region);
  const custom = vpc.customAcl;
  const denyAll = [
    aclEntry(32767, true, '0.0.0.0/0', 'deny'),
    aclEntry(32767, false, '0.0.0.0/0', 'deny'),
  ];
  const acl = (name: string, subnets: SubnetPlan[], isDefault: boolean, entries: AwsObject[]) => {
    const aclId = demoIds.networkAcl(vpc.key, name);
    region.add('ec2:DescribeNetworkAcls', {
      Associations: subnets.map((subnet) => ({
        NetworkAclAssociationId: demoIds.networkAclAssociation(`${vpc.key}/${subnet.cidr}`),
        NetworkAclId: aclId,
        SubnetId: demoIds.subnet(vpc.key, subnet),
      })),
      Entries: [...entries, ...denyAll],
      IsDefault: isDefault,
      NetworkAclId: aclId,
      Tags: isDefault ? [] : tagList(name),
      VpcId: demoIds.vpc(vpc.key),
      OwnerId: vpc.accountId,
    });
  };
  const customSubnets = new Set(custom?.subnets ?? []);
  acl(
    'default',
    vpc.subnets.filter((subnet) => !customSubnets.has(subnet.name)),
    true,
    [aclEntry(100, true, '0.0.0.0/0', 'allow'), aclEntry(100, false, '0.0.0.0/0', 'allow')],
  );
  if (custom === undefined) return;
  acl(
    custom.name,
    vpc.subnets.filter((subnet) => customSubnets.has(subnet.name)),
    false,
    [
      aclEntry(100, true, '0.0.0.0/0', 'allow'),
      ...custom.allowCidrs.map((cidr, index) => aclEntry(100 + index * 10, false, cidr, 'allow')),
    ],
  );
}

function buildPeerings(context: BuildContext): void {
  const { plan, book } = context;
  for (const peering of plan.peerings) {
    const requester = findVpc(plan.vpcs, peering.requesterVpc);
    const accepter = findVpc(plan.vpcs, peering.accepterVpc);
    const side = (vpc: VpcPlan) => ({
      CidrBlock: vpc.cidr,
      CidrBlockSet: [{ CidrBlock: vpc.cidr }],
      OwnerId: vpc.accountId,
      PeeringOptions: {
        AllowDnsResolutionFromRemoteVpc: false,
        AllowEgressFromLocalClassicLinkToRemoteVpc: false,
        AllowEgressFromLocalVpcToRemoteClassicLink: false,
      },
      VpcId: demoIds.vpc(vpc.key),
      Region: vpc.region,
    });
    const document = {
      AccepterVpcInfo: side(accepter),
      RequesterVpcInfo: side(requester),
      Status: { Code: 'active', Message: 'Active' },
      Tags: tagList(peering.name),
      VpcPeeringConnectionId: demoIds.peering(peering.key),
    };
    // Each side's account lists the same connection, as DescribeVpcPeeringConnections does;
    // a peering inside one account and region is listed there once.
    const requesterRegion = book.region(requester.accountId, requester.region);
    const accepterRegion = book.region(accepter.accountId, accepter.region);
    requesterRegion.add('ec2:DescribeVpcPeeringConnections', document);
    if (accepterRegion !== requesterRegion) {
      accepterRegion.add('ec2:DescribeVpcPeeringConnections', document);
    }
  }
}

/** VPCs, gateways, route tables, ACLs, security groups and peerings; subnets come later. */
export function buildNetwork(context: BuildContext): void {
  for (const vpc of context.plan.vpcs) {
    const region = context.book.region(vpc.accountId, vpc.region);
    region.add('ec2:DescribeVpcs', vpcDocument(vpc));
    if (vpc.subnets.some((subnet) => subnet.public)) {
      region.add('ec2:DescribeInternetGateways', {
        Attachments: [{ State: 'available', VpcId: demoIds.vpc(vpc.key) }],
        InternetGatewayId: demoIds.internetGateway(vpc.key),
        OwnerId: vpc.accountId,
        Tags: vpc.isDefault ? [] : tagList(`${vpc.name} IGW`),
      });
    }
    const natSubnet = vpc.subnets.find((subnet) => subnet.name === vpc.natSubnet);
    if (natSubnet !== undefined) buildNatGateway(context, vpc, natSubnet);
    buildRouteTables(context, vpc);
    buildNetworkAcls(context, vpc);
    buildSecurityGroups(context, vpc);
  }
  buildPeerings(context);
}
