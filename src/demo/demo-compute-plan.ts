import { demoAccountIds as ids } from './demo-accounts.js';
import type { DatabasePlan, InstancePlan, LambdaPlan } from './demo-plan.js';

function host(
  name: string,
  vpc: string,
  subnet: string,
  instanceType: string,
  groups: string[],
  keyName: string,
  extra: Partial<InstancePlan> = {},
): InstancePlan {
  return { name, vpc, subnet, instanceType, groups, keyName, image: 'amazon-linux', ...extra };
}

const renderProfile = 'RenderInstanceProfile-dev';

/** Every EC2 instance of the demo organization, the compromised render node first. */
export const demoInstances: InstancePlan[] = [
  host(
    'render-node-07',
    'dev-use1',
    'VPC-Public2-Subnet',
    'c5.2xlarge',
    ['render-nodes'],
    'render-farm',
    {
      profile: renderProfile,
      elasticIp: true,
      dataVolumeGiB: 500,
      tags: { Team: 'render', Environment: 'dev' },
    },
  ),
  host(
    'render-node-08',
    'dev-use1',
    'VPC-Public2-Subnet',
    'c5.2xlarge',
    ['render-nodes'],
    'render-farm',
    {
      profile: renderProfile,
      dataVolumeGiB: 500,
      tags: { Team: 'render', Environment: 'dev' },
    },
  ),
  host('mail-relay', 'dev-use1', 'VPC-Public1-Subnet', 't3.small', ['mail-relay'], 'dev-ops', {
    profile: 'MailRelayProfile',
    elasticIp: true,
    image: 'ubuntu',
  }),
  host('payments-api', 'dev-use1', 'VPC-Private1-Subnet', 'm5.large', ['payments-api'], 'dev-ops', {
    profile: 'PaymentsApiProfile',
    dataVolumeGiB: 100,
    tags: { Team: 'payments', DataClassification: 'pci' },
  }),
  host('dev-web-1', 'dev-use1', 'VPC-Public1-Subnet', 't3.medium', ['web'], 'dev-ops', {
    profile: 'WebServerProfile',
  }),
  host('dev-web-2', 'dev-use1', 'VPC-Public2-Subnet', 't3.medium', ['web'], 'dev-ops', {
    profile: 'WebServerProfile',
  }),
  host('dev-app-1', 'dev-use1', 'VPC-Private1-Subnet', 'm5.large', ['app'], 'dev-ops', {
    profile: 'AppServerProfile',
  }),
  host('dev-app-2', 'dev-use1', 'VPC-Private2-Subnet', 'm5.large', ['app'], 'dev-ops', {
    profile: 'AppServerProfile',
  }),
  host('dev-batch-1', 'dev-use1', 'VPC-Private2-Subnet', 'r5.xlarge', ['app'], 'dev-ops', {
    state: 'stopped',
    dataVolumeGiB: 250,
  }),
  host(
    'jenkins-agent-1',
    'dev-use1',
    'VPC-Private1-Subnet',
    'c5.xlarge',
    ['jenkins-agents'],
    'ci',
    {
      profile: 'JenkinsAgentProfile',
    },
  ),
  host(
    'jenkins-agent-2',
    'dev-use1',
    'VPC-Private2-Subnet',
    'c5.xlarge',
    ['jenkins-agents'],
    'ci',
    {
      profile: 'JenkinsAgentProfile',
    },
  ),
  host('batch-eu-1', 'dev-euw1', 'Dev-Private1-Subnet', 'r5.large', ['batch'], 'dev-eu'),
  host('batch-eu-2', 'dev-euw1', 'Dev-Private2-Subnet', 'r5.large', ['batch'], 'dev-eu'),
  host('api-eu-1', 'dev-euw1', 'Dev-Public1-Subnet', 't3.medium', ['api'], 'dev-eu', {
    image: 'ubuntu',
  }),
  host(
    'SIFT-forensics',
    'sec-use1',
    'Security-Private1-Subnet',
    'm5.2xlarge',
    ['sift-forensics'],
    'security-ir',
    {
      profile: 'ForensicsProfile',
      image: 'ubuntu',
      dataVolumeGiB: 1000,
    },
  ),
  host(
    'Steampipe',
    'sec-use1',
    'Security-Private1-Subnet',
    't3.large',
    ['steampipe'],
    'security-ir',
    {
      profile: 'SteampipeProfile',
    },
  ),
  host('Splunk', 'sec-use1', 'Security-Private2-Subnet', 'm5.4xlarge', ['splunk'], 'security-ir', {
    profile: 'SplunkProfile',
    dataVolumeGiB: 2000,
  }),
  host(
    'security-bastion',
    'sec-use1',
    'Security-Public-Subnet',
    't3.micro',
    ['security-bastion'],
    'security-ir',
    {
      elasticIp: true,
    },
  ),
  host(
    'splunk-forwarder-eu',
    'sec-euw1',
    'Security-Private1-Subnet',
    't3.medium',
    ['splunk-forwarder'],
    'security-eu',
  ),
  host('meme-web-1', 'mkt-use1', 'Meme-Public1-Subnet', 't3.medium', ['meme-web'], 'marketing', {
    profile: 'MemeWebProfile',
  }),
  host('meme-web-2', 'mkt-use1', 'Meme-Public2-Subnet', 't3.medium', ['meme-web'], 'marketing', {
    profile: 'MemeWebProfile',
  }),
  host('wordpress', 'mkt-use1', 'Meme-Public1-Subnet', 't3.large', ['wordpress'], 'marketing', {
    profile: 'WordPressProfile',
    elasticIp: true,
    image: 'ubuntu',
  }),
  host(
    'meme-worker-1',
    'mkt-use1',
    'Meme-Private1-Subnet',
    'g4dn.xlarge',
    ['meme-workers'],
    'marketing',
  ),
  host(
    'meme-worker-2',
    'mkt-use1',
    'Meme-Private2-Subnet',
    'g4dn.xlarge',
    ['meme-workers'],
    'marketing',
  ),
  host(
    'campaign-analytics',
    'mkt-use1',
    'Meme-Private1-Subnet',
    'r5.large',
    ['analytics'],
    'marketing',
  ),
  host(
    'legacy-ftp',
    `default-${ids.marketing}-us-east-1`,
    '172.31.0.0/20',
    't2.micro',
    ['default'],
    'marketing-old',
    {
      image: 'ubuntu',
      state: 'stopped',
    },
  ),
  host(
    'meme-web-eu-1',
    'mkt-euw1',
    'Meme-Public1-Subnet',
    't3.medium',
    ['meme-web'],
    'marketing-eu',
  ),
  host(
    'jenkins',
    'mgmt-use1',
    'Shared-Private1-Subnet',
    'm5.xlarge',
    ['jenkins'],
    'shared-services',
    {
      profile: 'JenkinsProfile',
      dataVolumeGiB: 200,
    },
  ),
  host(
    'bastion',
    'mgmt-use1',
    'Shared-Public1-Subnet',
    't3.micro',
    ['bastion'],
    'shared-services',
    {
      elasticIp: true,
    },
  ),
  host('ldap-1', 'mgmt-use1', 'Shared-Private1-Subnet', 't3.medium', ['ldap'], 'shared-services'),
  host('ldap-2', 'mgmt-use1', 'Shared-Private2-Subnet', 't3.medium', ['ldap'], 'shared-services'),
  host('dc-1', 'mgmt-use1', 'Shared-Private2-Subnet', 'm5.large', ['ldap'], 'shared-services', {
    image: 'windows',
  }),
  host('vpn', 'mgmt-use1', 'Shared-Public1-Subnet', 't3.small', ['vpn'], 'shared-services', {
    elasticIp: true,
  }),
  host(
    'backup-runner',
    'mgmt-euw1',
    'Management-Private1-Subnet',
    't3.large',
    ['backup'],
    'management-eu',
    {
      profile: 'BackupProfile',
    },
  ),
];

export const demoLambdas: LambdaPlan[] = [
  {
    name: 'render-thumbnailer',
    accountId: ids.dev,
    region: 'us-east-1',
    role: 'RenderRole-dev',
    runtime: 'python3.12',
    handler: 'thumbnailer.handler',
    description: 'Renders thumbnails of finished frames',
    memoryMb: 1024,
    timeoutSeconds: 120,
    environment: { OUTPUT_BUCKET: 'render-output-dev-310987654321', QUEUE_NAME: 'render-jobs' },
    network: {
      vpc: 'dev-use1',
      subnets: ['VPC-Private1-Subnet', 'VPC-Private2-Subnet'],
      groups: ['render-lambda'],
    },
  },
  {
    name: 'orders-webhook',
    accountId: ids.dev,
    region: 'us-east-1',
    role: 'orders-webhook-role',
    runtime: 'nodejs20.x',
    handler: 'index.handler',
    description: 'Receives order events from the storefront',
    memoryMb: 256,
    timeoutSeconds: 15,
  },
  {
    name: 'batch-scheduler',
    accountId: ids.dev,
    region: 'eu-west-1',
    role: 'BatchSchedulerRole',
    runtime: 'python3.11',
    handler: 'scheduler.main',
    description: 'Starts the nightly EU batch',
    memoryMb: 128,
    timeoutSeconds: 60,
  },
  {
    name: 'guardduty-to-splunk',
    accountId: ids.security,
    region: 'us-east-1',
    role: 'GuardDutyForwarderRole',
    runtime: 'python3.12',
    handler: 'forward.handler',
    description: 'Forwards GuardDuty findings to Splunk HEC',
    memoryMb: 256,
    timeoutSeconds: 30,
    network: {
      vpc: 'sec-use1',
      subnets: ['Security-Private1-Subnet', 'Security-Private2-Subnet'],
      groups: ['splunk'],
    },
  },
  {
    name: 'meme-resizer',
    accountId: ids.marketing,
    region: 'us-east-1',
    role: 'MemeResizerRole',
    runtime: 'nodejs20.x',
    handler: 'resize.handler',
    description: 'Resizes uploaded memes',
    memoryMb: 512,
    timeoutSeconds: 30,
  },
  {
    name: 'org-cost-report',
    accountId: ids.management,
    region: 'us-east-1',
    role: 'CostReportRole',
    runtime: 'python3.11',
    handler: 'report.main',
    description: 'Weekly cost report per account',
    memoryMb: 256,
    timeoutSeconds: 300,
  },
];

export const demoDatabases: DatabasePlan[] = [
  {
    identifier: 'dev-orders-db',
    vpc: 'dev-use1',
    subnets: ['VPC-Data1-Subnet', 'VPC-Data2-Subnet'],
    groups: ['dev-orders-db'],
    engine: 'postgres',
    engineVersion: '15.7',
    instanceClass: 'db.m6g.large',
    databaseName: 'orders',
    storageGiB: 200,
  },
  {
    identifier: 'meme-wordpress-db',
    vpc: 'mkt-use1',
    subnets: ['Meme-Private1-Subnet', 'Meme-Private2-Subnet'],
    groups: ['meme-db'],
    engine: 'mysql',
    engineVersion: '8.0.36',
    instanceClass: 'db.t3.medium',
    databaseName: 'wordpress',
    storageGiB: 50,
  },
];
