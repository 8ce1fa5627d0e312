import { demoAccountIds as ids, demoAccounts, demoRegions, officeCidr } from './demo-accounts.js';
import type {
  IngressPlan,
  PeeringPlan,
  SecurityGroupPlan,
  SubnetPlan,
  VpcPlan,
} from './demo-plan.js';

const anywhere = '0.0.0.0/0';

function tcp(port: number, source: IngressPlan['source'], description: string): IngressPlan {
  return { protocol: 'tcp', fromPort: port, toPort: port, source, description };
}

const sshFromOffice = tcp(22, { cidr: officeCidr }, 'SSH from the office');
const httpsFromAnywhere = tcp(443, { cidr: anywhere }, 'HTTPS from the internet');
const httpFromAnywhere = tcp(80, { cidr: anywhere }, 'HTTP from the internet');

function group(name: string, description: string, ingress: IngressPlan[]): SecurityGroupPlan {
  return { name, description, ingress };
}

function subnet(
  name: string,
  cidr: string,
  zone: string,
  tier: 'public' | 'private' | 'data',
): SubnetPlan {
  return { name, cidr, zone, public: tier === 'public', routeTable: tier };
}

/** The VPC peering keys, shared by the plans that route or refer across them. */
export const peeringKeys = { devSecurity: 'dev-security', devMarketing: 'dev-marketing' } as const;

const devVpc: VpcPlan = {
  key: 'dev-use1',
  accountId: ids.dev,
  region: 'us-east-1',
  name: 'Dev VPC',
  cidr: '10.10.0.0/16',
  isDefault: false,
  subnets: [
    subnet('VPC-Public1-Subnet', '10.10.0.0/24', 'a', 'public'),
    subnet('VPC-Public2-Subnet', '10.10.1.0/24', 'b', 'public'),
    subnet('VPC-Private1-Subnet', '10.10.10.0/24', 'a', 'private'),
    subnet('VPC-Private2-Subnet', '10.10.11.0/24', 'b', 'private'),
    subnet('VPC-Data1-Subnet', '10.10.20.0/24', 'a', 'data'),
    subnet('VPC-Data2-Subnet', '10.10.21.0/24', 'b', 'data'),
  ],
  natSubnet: 'VPC-Public1-Subnet',
  customAcl: {
    name: 'Dev data tier',
    subnets: ['VPC-Data1-Subnet', 'VPC-Data2-Subnet'],
    allowCidrs: ['10.10.0.0/16', '10.20.0.0/16'],
  },
  securityGroups: [
    group('render-nodes', 'Render farm nodes', [
      sshFromOffice,
      tcp(
        22,
        {
          peerGroup: { vpc: 'sec-use1', group: 'sift-forensics', peering: peeringKeys.devSecurity },
        },
        'SSH from the forensics workstation in the Security account',
      ),
      tcp(8080, { group: 'web' }, 'Render API from the web tier'),
    ]),
    group('web', 'Public web tier', [httpsFromAnywhere, httpFromAnywhere, sshFromOffice]),
    group('app', 'Internal application servers', [
      tcp(8080, { group: 'web' }, 'App traffic from the web tier'),
      sshFromOffice,
    ]),
    group('payments-api', 'Payments API', [
      tcp(8443, { group: 'web' }, 'Payments API from the web tier'),
      tcp(8443, { group: 'render-nodes' }, 'Invoice rendering callbacks'),
      sshFromOffice,
    ]),
    group('mail-relay', 'Outbound mail relay', [
      tcp(25, { cidr: '10.10.0.0/16' }, 'SMTP from the VPC'),
      tcp(587, { cidr: '10.10.0.0/16' }, 'Submission from the VPC'),
      sshFromOffice,
    ]),
    group('render-lambda', 'render-thumbnailer function', []),
    group('dev-orders-db', 'Orders database', [
      tcp(5432, { group: 'app' }, 'PostgreSQL from the app tier'),
      tcp(5432, { group: 'payments-api' }, 'PostgreSQL from the payments API'),
      tcp(5432, { group: 'render-lambda' }, 'PostgreSQL from render-thumbnailer'),
    ]),
    group('jenkins-agents', 'CI build agents', [sshFromOffice]),
  ],
};

const securityVpc: VpcPlan = {
  key: 'sec-use1',
  accountId: ids.security,
  region: 'us-east-1',
  name: 'Security VPC',
  cidr: '10.20.0.0/16',
  isDefault: false,
  subnets: [
    subnet('Security-Public-Subnet', '10.20.0.0/24', 'a', 'public'),
    subnet('Security-Private1-Subnet', '10.20.10.0/24', 'a', 'private'),
    subnet('Security-Private2-Subnet', '10.20.11.0/24', 'b', 'private'),
  ],
  natSubnet: 'Security-Public-Subnet',
  securityGroups: [
    group('sift-forensics', 'SIFT forensic workstation', [sshFromOffice]),
    group('steampipe', 'Steampipe query service', [
      tcp(9193, { cidr: '10.20.0.0/16' }, 'Steampipe service from the VPC'),
      sshFromOffice,
    ]),
    group('splunk', 'Splunk indexer', [
      tcp(8000, { cidr: officeCidr }, 'Splunk web from the office'),
      tcp(9997, { cidr: '10.10.0.0/16' }, 'Forwarders in the Dev VPC'),
      tcp(
        8088,
        { peerGroup: { vpc: 'dev-use1', group: 'render-nodes', peering: peeringKeys.devSecurity } },
        'HTTP event collector from the render farm',
      ),
    ]),
    group('security-bastion', 'Security bastion', [sshFromOffice]),
  ],
};

const memeFactoryVpc: VpcPlan = {
  key: 'mkt-use1',
  accountId: ids.marketing,
  region: 'us-east-1',
  name: 'Meme Factory VPC',
  cidr: '10.30.0.0/16',
  isDefault: false,
  subnets: [
    subnet('Meme-Public1-Subnet', '10.30.0.0/24', 'a', 'public'),
    subnet('Meme-Public2-Subnet', '10.30.1.0/24', 'b', 'public'),
    subnet('Meme-Private1-Subnet', '10.30.10.0/24', 'a', 'private'),
    subnet('Meme-Private2-Subnet', '10.30.11.0/24', 'b', 'private'),
  ],
  natSubnet: 'Meme-Public1-Subnet',
  securityGroups: [
    group('meme-web', 'Meme Factory web servers', [
      httpsFromAnywhere,
      httpFromAnywhere,
      sshFromOffice,
    ]),
    group('wordpress', 'Marketing WordPress', [httpsFromAnywhere, sshFromOffice]),
    group('meme-workers', 'Meme rendering workers', [
      tcp(22, { group: 'meme-web' }, 'SSH from the web servers'),
    ]),
    group('meme-db', 'WordPress database', [
      tcp(3306, { group: 'wordpress' }, 'MySQL from WordPress'),
    ]),
    group('analytics', 'Campaign analytics', [
      tcp(
        8080,
        { peerGroup: { vpc: 'dev-use1', group: 'app', peering: peeringKeys.devMarketing } },
        'Analytics API for the Dev app tier',
      ),
    ]),
  ],
};

function smallVpc(
  key: string,
  accountId: string,
  region: string,
  name: string,
  secondOctet: number,
  securityGroups: SecurityGroupPlan[],
): VpcPlan {
  const prefix = `10.${secondOctet}`;
  const label = name.split(' ')[0] ?? name;
  return {
    key,
    accountId,
    region,
    name,
    cidr: `${prefix}.0.0/16`,
    isDefault: false,
    subnets: [
      subnet(`${label}-Public1-Subnet`, `${prefix}.0.0/24`, 'a', 'public'),
      subnet(`${label}-Private1-Subnet`, `${prefix}.10.0/24`, 'a', 'private'),
      subnet(`${label}-Private2-Subnet`, `${prefix}.11.0/24`, 'b', 'private'),
    ],
    natSubnet: `${label}-Public1-Subnet`,
    securityGroups,
  };
}

const sharedServicesVpc: VpcPlan = {
  ...smallVpc('mgmt-use1', ids.management, 'us-east-1', 'Shared Services VPC', 0, [
    group('jenkins', 'Jenkins controller', [
      tcp(8080, { cidr: officeCidr }, 'Jenkins UI'),
      sshFromOffice,
    ]),
    group('bastion', 'Bastion hosts', [sshFromOffice]),
    group('ldap', 'Directory servers', [
      tcp(389, { cidr: '10.0.0.0/16' }, 'LDAP from the VPC'),
      tcp(636, { cidr: '10.0.0.0/16' }, 'LDAPS from the VPC'),
    ]),
    group('vpn', 'Client VPN', [
      {
        protocol: 'udp',
        fromPort: 1194,
        toPort: 1194,
        source: { cidr: anywhere },
        description: 'OpenVPN',
      },
      httpsFromAnywhere,
    ]),
  ]),
};

const regionalVpcs: VpcPlan[] = [
  smallVpc('dev-euw1', ids.dev, 'eu-west-1', 'Dev EU VPC', 11, [
    group('batch', 'Batch workers', [sshFromOffice]),
    group('api', 'EU API', [httpsFromAnywhere]),
  ]),
  smallVpc('sec-euw1', ids.security, 'eu-west-1', 'Security EU VPC', 21, [
    group('splunk-forwarder', 'Log forwarders', [sshFromOffice]),
  ]),
  smallVpc('mkt-euw1', ids.marketing, 'eu-west-1', 'Meme Factory EU VPC', 31, [
    group('meme-web', 'Meme Factory EU web servers', [httpsFromAnywhere, httpFromAnywhere]),
  ]),
  smallVpc('mgmt-euw1', ids.management, 'eu-west-1', 'Management EU VPC', 1, [
    group('backup', 'Backup runners', [sshFromOffice]),
  ]),
];

/** The default VPC AWS creates in every region of every account, left in place as most are. */
function defaultVpc(accountId: string, region: string): VpcPlan {
  return {
    key: `default-${accountId}-${region}`,
    accountId,
    region,
    name: '',
    cidr: '172.31.0.0/16',
    isDefault: true,
    subnets: [
      subnet('', '172.31.0.0/20', 'a', 'public'),
      subnet('', '172.31.16.0/20', 'b', 'public'),
      subnet('', '172.31.32.0/20', 'c', 'public'),
    ],
    securityGroups: [],
  };
}

export const demoVpcs: VpcPlan[] = [
  devVpc,
  securityVpc,
  memeFactoryVpc,
  sharedServicesVpc,
  ...regionalVpcs,
  ...demoAccounts.flatMap((account) => demoRegions.map((region) => defaultVpc(account.id, region))),
];

export const demoPeerings: PeeringPlan[] = [
  {
    key: peeringKeys.devSecurity,
    name: 'dev-to-security',
    requesterVpc: devVpc.key,
    accepterVpc: securityVpc.key,
  },
  {
    key: peeringKeys.devMarketing,
    name: 'dev-to-meme-factory',
    requesterVpc: devVpc.key,
    accepterVpc: memeFactoryVpc.key,
  },
];
