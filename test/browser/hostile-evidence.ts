import { EvidenceFolderWriter } from '../../src/evidence/evidence-folder-writer.js';

export const hostileAccount = '111122223333';
const region = 'us-east-1';

/** Payloads that would run if any of them reached the page as markup. */
export const hostile = {
  imgTag: '<img src=x onerror=window.__pwned=1>',
  scriptTag: '<script>window.__pwned=1</script>',
  svgBreakout: '"><svg onload=window.__pwned=1>',
  /** A name that reads "exe.txt" backwards after the right-to-left override. */
  rightToLeft: 'invoice\u202Etxt.exe\u202C VPC',
  long: `${'A'.repeat(9_990)}-long-tail`,
  styleTag: '<style>body{display:none}</style>',
} as const;

export const hostileIds = {
  vpc: 'vpc-0badc0ffee0000001',
  subnet: 'subnet-0badc0ffee0000001',
  securityGroup: 'sg-0badc0ffee0000001',
  instance: 'i-0badc0ffee0000001',
  role: 'HostileRole',
} as const;

function tags(entries: Record<string, string>): { Key: string; Value: string }[] {
  return Object.entries(entries).map(([Key, Value]) => ({ Key, Value }));
}

/** A small evidence folder (aws CLI shapes) whose names, tags and policies are hostile. */
export async function writeHostileEvidence(folder: string): Promise<void> {
  const writer = new EvidenceFolderWriter({
    folder,
    toolVersion: 'test',
    callerIdentity: {
      Account: hostileAccount,
      Arn: `arn:aws:iam::${hostileAccount}:user/responder`,
      UserId: 'AIDATESTRESPONDER',
    },
  });
  writer.recordAccount({
    accountId: hostileAccount,
    callerIdentity: null,
    regions: [region],
  });
  await writer.writeDocument(hostileAccount, region, 'ec2:DescribeVpcs', {
    Vpcs: [
      {
        VpcId: hostileIds.vpc,
        CidrBlock: '10.66.0.0/16',
        State: 'available',
        OwnerId: hostileAccount,
        IsDefault: false,
        Tags: tags({ Name: hostile.rightToLeft, Owner: hostile.scriptTag }),
      },
    ],
  });
  await writer.writeDocument(hostileAccount, region, 'ec2:DescribeSubnets', {
    Subnets: [
      {
        SubnetId: hostileIds.subnet,
        VpcId: hostileIds.vpc,
        CidrBlock: '10.66.1.0/24',
        AvailabilityZone: 'us-east-1a',
        MapPublicIpOnLaunch: true,
        State: 'available',
        OwnerId: hostileAccount,
        SubnetArn: `arn:aws:ec2:${region}:${hostileAccount}:subnet/${hostileIds.subnet}`,
        Tags: tags({ Name: hostile.svgBreakout }),
      },
    ],
  });
  await writer.writeDocument(hostileAccount, region, 'ec2:DescribeSecurityGroups', {
    SecurityGroups: [
      {
        GroupId: hostileIds.securityGroup,
        GroupName: hostile.styleTag,
        Description: hostile.scriptTag,
        VpcId: hostileIds.vpc,
        OwnerId: hostileAccount,
        IpPermissions: [
          {
            IpProtocol: 'tcp',
            FromPort: 22,
            ToPort: 22,
            IpRanges: [{ CidrIp: '0.0.0.0/0', Description: hostile.imgTag }],
            Ipv6Ranges: [],
            UserIdGroupPairs: [],
            PrefixListIds: [],
          },
        ],
        IpPermissionsEgress: [
          {
            IpProtocol: '-1',
            IpRanges: [{ CidrIp: '0.0.0.0/0' }],
            Ipv6Ranges: [],
            UserIdGroupPairs: [],
            PrefixListIds: [],
          },
        ],
        Tags: tags({ Owner: hostile.svgBreakout }),
      },
    ],
  });
  await writer.writeDocument(hostileAccount, region, 'ec2:DescribeInstances', {
    Reservations: [
      {
        ReservationId: 'r-0badc0ffee0000001',
        OwnerId: hostileAccount,
        Groups: [],
        Instances: [
          {
            InstanceId: hostileIds.instance,
            ImageId: 'ami-0badc0ffee0000001',
            InstanceType: 't3.micro',
            State: { Code: 16, Name: 'running' },
            LaunchTime: '2024-05-01T10:00:00.000Z',
            Placement: { AvailabilityZone: 'us-east-1a', Tenancy: 'default' },
            PrivateIpAddress: '10.66.1.10',
            PublicIpAddress: '203.0.113.66',
            SubnetId: hostileIds.subnet,
            VpcId: hostileIds.vpc,
            SecurityGroups: [{ GroupId: hostileIds.securityGroup, GroupName: hostile.styleTag }],
            Tags: tags({
              Name: hostile.imgTag,
              Description: hostile.long,
              Note: hostile.rightToLeft,
              [hostile.scriptTag]: hostile.svgBreakout,
            }),
          },
        ],
      },
    ],
  });
  await writer.writeDocument(hostileAccount, 'global', 'iam:GetAccountAuthorizationDetails', {
    UserDetailList: [],
    GroupDetailList: [],
    RoleDetailList: [
      {
        Path: '/',
        RoleName: hostileIds.role,
        RoleId: 'AROATESTHOSTILEROLE01',
        Arn: `arn:aws:iam::${hostileAccount}:role/${hostileIds.role}`,
        CreateDate: '2024-05-01T10:00:00Z',
        Description: hostile.scriptTag,
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Service: 'ec2.amazonaws.com' },
              Action: 'sts:AssumeRole',
            },
          ],
        },
        InstanceProfileList: [],
        RolePolicyList: [
          {
            PolicyName: 'inline',
            PolicyDocument: {
              Version: '2012-10-17',
              Statement: [{ Sid: hostile.imgTag, Effect: 'Allow', Action: '*', Resource: '*' }],
            },
          },
        ],
        AttachedManagedPolicies: [],
        Tags: tags({ Name: hostile.scriptTag }),
      },
    ],
    Policies: [],
  });
  await writer.writeManifest(true);
}
