import { authorizationDetails, listAccounts, organization } from './stand-in-identity-data.js';
import type { Answer } from './wire-format.js';

/** An account the stand-in serves. */
export interface StandInAccount {
  id: string;
  name: string;
  /** Roles the management account may assume here (OrganizationAccountAccessRole, ...). */
  roleNames: readonly string[];
  regions: readonly string[];
  /** Regions where every regional call is denied, as a service control policy would. */
  deniedRegions?: readonly string[];
}

export interface StandInDataset {
  managementAccountId: string;
  accounts: readonly StandInAccount[];
  /** Instances per account and region (one reservation each). */
  instancesPerRegion: number;
  /** Items per page of a paginated answer (the endpoint pages even when the SDK asks for more). */
  pageSize: number;
  rolesPerAccount: number;
}

/** A request, decoded: who calls, where, what, with which parameters. */
export interface StandInRequest {
  accountId: string;
  region: string;
  service: string;
  action: string;
  params: Record<string, string>;
}

export const epoch = '2026-01-01T00:00:00.000Z';

export function denied(code: string, message: string, status = 403): Answer {
  return { error: { code, message, status } };
}

/** One page of `items` from the offset in `token`, and the next token if more remain. */
export function page<T>(items: readonly T[], token: string | undefined, size: number) {
  const start = token === undefined ? 0 : Number.parseInt(token, 10) || 0;
  const slice = items.slice(start, start + size);
  const next = start + size < items.length ? String(start + size) : undefined;
  return { slice, next };
}

function vpcId(account: StandInAccount, region: string): string {
  return `vpc-${account.id.slice(-6)}${String(account.regions.indexOf(region)).padStart(2, '0')}`;
}

function cidrOf(account: StandInAccount, region: string, dataset: StandInDataset): string {
  const accountIndex = dataset.accounts.indexOf(account);
  return `10.${accountIndex}.${account.regions.indexOf(region) * 16}.0/20`;
}

/** The stand-in's answers to lateral's calls, computed from the dataset (no state but keys). */
export class StandInHandlers {
  private issued = 0;

  constructor(private readonly dataset: StandInDataset) {}

  account(id: string): StandInAccount | undefined {
    return this.dataset.accounts.find((account) => account.id === id);
  }

  answer(request: StandInRequest): Answer {
    const account = this.account(request.accountId);
    if (account === undefined) {
      return denied(
        'InvalidClientTokenId',
        'The security token included in the request is invalid.',
      );
    }
    const regional = ['ec2', 'lambda', 'rds'].includes(request.service);
    if (regional && request.action !== 'DescribeRegions') {
      if (account.deniedRegions?.includes(request.region) === true) {
        const code =
          request.service === 'lambda' ? 'AccessDeniedException' : 'UnauthorizedOperation';
        return denied(code, `explicit deny in a service control policy for ${request.region}`);
      }
    }
    switch (`${request.service}:${request.action}`) {
      case 'sts:GetCallerIdentity':
        return this.callerIdentity(account);
      case 'sts:AssumeRole':
        return this.assumeRole(account, request.params);
      case 'ec2:DescribeRegions':
        return {
          data: {
            regionInfo: account.regions.map((name) => ({
              regionName: name,
              regionEndpoint: `ec2.${name}.amazonaws.com`,
              optInStatus: 'opt-in-not-required',
            })),
          },
        };
      case 'ec2:DescribeInstances':
        return this.instances(account, request);
      case 'ec2:DescribeVpcs':
        return { data: { vpcSet: [this.vpc(account, request.region)] } };
      case 'ec2:DescribeSubnets':
        return { data: { subnetSet: [this.subnet(account, request.region)] } };
      case 'ec2:DescribeSecurityGroups':
        return { data: { securityGroupInfo: [this.securityGroup(account, request.region)] } };
      case 'ec2:DescribeVpcPeeringConnections':
        return { data: { vpcPeeringConnectionSet: this.peerings(account, request.region) } };
      case 'iam:GetAccountAuthorizationDetails':
        return authorizationDetails(account, request.params, this.dataset);
      case 'iam:ListAccountAliases':
        return { data: { AccountAliases: [account.name], IsTruncated: false } };
      case 'organizations:DescribeOrganization':
        return { data: { Organization: organization(this.dataset) } };
      case 'organizations:ListAccounts':
        return listAccounts(this.dataset, account, request.params);
      case 'lambda:ListFunctions':
        return this.lambdaFunctions(account, request.region);
      case 'rds:DescribeDBInstances':
        return { data: { DBInstances: [] } };
      default:
        return (
          this.emptyEc2(request) ?? denied('InvalidAction', `${request.action} is not served`, 400)
        );
    }
  }

  private lambdaFunctions(account: StandInAccount, region: string): Answer {
    const request = { region };
    const functionName = `handler-${request.region}`;
    return {
      data: {
        Functions: [
          {
            FunctionName: functionName,
            FunctionArn: `arn:aws:lambda:${request.region}:${account.id}:function:${functionName}`,
            Runtime: 'nodejs20.x',
            Role: `arn:aws:iam::${account.id}:role/app-role-0`,
            Handler: 'index.handler',
            LastModified: '2026-01-01T00:00:00.000+0000',
            Environment: { Variables: { DB_PASSWORD: `secret-${account.id}`, STAGE: 'prod' } },
            VpcConfig: {
              SubnetIds: [`subnet-${account.id.slice(-6)}`],
              SecurityGroupIds: [`sg-${account.id.slice(-6)}`],
              VpcId: vpcId(account, request.region),
            },
          },
        ],
      },
    };
  }

  buckets(accountId: string): { name: string; region: string; policy?: string }[] {
    const account = this.account(accountId)!;
    const region = account.regions[0] ?? 'us-east-1';
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${this.dataset.managementAccountId}:root` },
          Action: 's3:GetObject',
          Resource: `arn:aws:s3:::logs-${account.id}/*`,
        },
      ],
    });
    return [
      { name: `logs-${account.id}`, region, policy },
      { name: `assets-${account.id}`, region },
    ];
  }

  private callerIdentity(account: StandInAccount): Answer {
    const managed = account.id === this.dataset.managementAccountId;
    return {
      data: {
        Account: account.id,
        Arn: managed
          ? `arn:aws:iam::${account.id}:user/responder`
          : `arn:aws:sts::${account.id}:assumed-role/OrganizationAccountAccessRole/lateral-collect`,
        UserId: managed ? 'AIDARESPONDER' : 'AROAORGACCESS:lateral-collect',
      },
    };
  }

  private assumeRole(caller: StandInAccount, params: Record<string, string>): Answer {
    const match = /^arn:aws:iam::(\d{12}):role\/(.+)$/.exec(params['RoleArn'] ?? '');
    const target = match === null ? undefined : this.account(match[1]!);
    if (
      caller.id !== this.dataset.managementAccountId ||
      target === undefined ||
      !target.roleNames.includes(match![2]!)
    ) {
      return denied(
        'AccessDenied',
        `User: arn:aws:iam::${caller.id}:user/responder is not authorized to perform: ` +
          'sts:AssumeRole on the requested role',
      );
    }
    this.issued += 1;
    const expiration = new Date(Date.now() + 3_600_000).toISOString();
    return {
      data: {
        Credentials: {
          AccessKeyId: `ASIA${target.id}${String(this.issued).padStart(4, '0')}`,
          SecretAccessKey: 'stand-in-secret',
          SessionToken: 'stand-in-session',
          Expiration: expiration,
        },
        AssumedRoleUser: {
          AssumedRoleId: 'AROAORGACCESS:lateral-collect',
          Arn: `arn:aws:sts::${target.id}:assumed-role/${match![2]}/lateral-collect`,
        },
      },
    };
  }

  private instances(account: StandInAccount, request: StandInRequest): Answer {
    const all = Array.from({ length: this.dataset.instancesPerRegion }, (_, index) => index);
    const { slice, next } = page(all, request.params['NextToken'], this.dataset.pageSize);
    const suffix = account.id.slice(-6);
    return {
      data: {
        reservationSet: slice.map((index) => ({
          reservationId: `r-${suffix}${index}`,
          ownerId: account.id,
          instancesSet: [
            {
              instanceId: `i-${suffix}${String(account.regions.indexOf(request.region))}${index}`,
              imageId: 'ami-12345678',
              instanceState: { code: 16, name: 'running' },
              instanceType: 't3.micro',
              privateIpAddress: `10.0.0.${(index % 250) + 4}`,
              subnetId: `subnet-${suffix}`,
              vpcId: vpcId(account, request.region),
              placement: { availabilityZone: `${request.region}a` },
              launchTime: epoch,
              iamInstanceProfile: {
                arn: `arn:aws:iam::${account.id}:instance-profile/app-profile`,
                id: 'AIPAAPPPROFILE',
              },
              groupSet: [{ groupId: `sg-${suffix}`, groupName: 'app' }],
              tagSet: [{ key: 'Name', value: `app-${index}` }],
            },
          ],
        })),
        ...(next === undefined ? {} : { nextToken: next }),
      },
    };
  }

  private vpc(account: StandInAccount, region: string) {
    return {
      vpcId: vpcId(account, region),
      ownerId: account.id,
      state: 'available',
      cidrBlock: cidrOf(account, region, this.dataset),
      isDefault: false,
      tagSet: [{ key: 'Name', value: `${account.name}-${region}` }],
    };
  }

  private subnet(account: StandInAccount, region: string) {
    return {
      subnetId: `subnet-${account.id.slice(-6)}`,
      vpcId: vpcId(account, region),
      ownerId: account.id,
      cidrBlock: cidrOf(account, region, this.dataset),
      availabilityZone: `${region}a`,
      state: 'available',
      mapPublicIpOnLaunch: false,
    };
  }

  private securityGroup(account: StandInAccount, region: string) {
    return {
      groupId: `sg-${account.id.slice(-6)}`,
      groupName: 'app',
      groupDescription: 'application servers',
      ownerId: account.id,
      vpcId: vpcId(account, region),
      ipPermissions: [
        { ipProtocol: 'tcp', fromPort: 22, toPort: 22, ipRanges: [{ cidrIp: '10.0.0.0/8' }] },
      ],
      ipPermissionsEgress: [{ ipProtocol: '-1', ipRanges: [{ cidrIp: '0.0.0.0/0' }] }],
    };
  }

  /** The first account peers its first region's VPC with the second account's (both see it). */
  private peerings(account: StandInAccount, region: string) {
    const [requester, accepter] = this.dataset.accounts;
    if (requester === undefined || accepter === undefined) return [];
    const sameRegion = requester.regions[0] === region && accepter.regions[0] === region;
    if (!sameRegion || (account !== requester && account !== accepter)) return [];
    const side = (peer: StandInAccount) => ({
      ownerId: peer.id,
      vpcId: vpcId(peer, region),
      cidrBlock: cidrOf(peer, region, this.dataset),
      region,
    });
    return [
      {
        vpcPeeringConnectionId: `pcx-${requester.id.slice(-4)}${accepter.id.slice(-4)}`,
        requesterVpcInfo: side(requester),
        accepterVpcInfo: side(accepter),
        status: { code: 'active', message: 'Active' },
      },
    ];
  }

  /** EC2 calls lateral makes that the stand-in answers with an empty list. */
  private emptyEc2(request: StandInRequest): Answer | undefined {
    const sets: Record<string, string> = {
      DescribeSecurityGroupRules: 'securityGroupRuleSet',
      DescribeRouteTables: 'routeTableSet',
      DescribeNetworkAcls: 'networkAclSet',
      DescribeNetworkInterfaces: 'networkInterfaceSet',
      DescribeVolumes: 'volumeSet',
      DescribeKeyPairs: 'keySet',
      DescribeInternetGateways: 'internetGatewaySet',
      DescribeNatGateways: 'natGatewaySet',
      DescribeAddresses: 'addressesSet',
    };
    const set = request.service === 'ec2' ? sets[request.action] : undefined;
    return set === undefined ? undefined : { data: { [set]: [] } };
  }
}
