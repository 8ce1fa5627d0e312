import { demoAccountIds as ids, externalVendorAccountId } from './demo-accounts.js';
import { allow, policy, trustAccount, trustRoles, trustServices } from './demo-iam-policies.js';
import type { IdentityPlan, RolePlan } from './demo-plan.js';

const ec2Trust = trustServices('ec2.amazonaws.com');
const lambdaTrust = trustServices('lambda.amazonaws.com');

function ec2Role(
  name: string,
  profile: string,
  managed: string[],
  extra: Partial<RolePlan> = {},
): RolePlan {
  return { name, trust: ec2Trust, managed, profile, ...extra };
}

/** The AWS service-linked roles most accounts carry. */
function serviceLinkedRoles(
  services: ('support' | 'trustedadvisor' | 'rds' | 'organizations')[],
): RolePlan[] {
  const spec = {
    support: ['AWSServiceRoleForSupport', 'support.amazonaws.com', 'AWSSupportServiceRolePolicy'],
    trustedadvisor: [
      'AWSServiceRoleForTrustedAdvisor',
      'trustedadvisor.amazonaws.com',
      'AWSTrustedAdvisorServiceRolePolicy',
    ],
    rds: ['AWSServiceRoleForRDS', 'rds.amazonaws.com', 'AmazonRDSServiceRolePolicy'],
    organizations: [
      'AWSServiceRoleForOrganizations',
      'organizations.amazonaws.com',
      'AWSOrganizationsServiceTrustPolicy',
    ],
  } as const;
  return services.map((service) => {
    const [name, principal, managed] = spec[service];
    return {
      name,
      path: `/aws-service-role/${principal}/`,
      description: `Service-linked role for ${principal}`,
      trust: trustServices(principal),
      managed: [managed],
    };
  });
}

/** The role Organizations creates in member accounts for the management account. */
const organizationAccess: RolePlan = {
  name: 'OrganizationAccountAccessRole',
  trust: trustAccount(ids.management),
  managed: ['AdministratorAccess'],
};

/** Read-only audit access the Security account uses in every other account. */
const securityAudit: RolePlan = {
  name: 'SecurityAuditRole',
  description: 'Cross-account audit from the Security account',
  trust: trustAccount(ids.security),
  managed: ['SecurityAudit', 'ReadOnlyAccess'],
  tags: { Owner: 'security' },
};

const renderRoleArn = `arn:aws:iam::${ids.dev}:role/RenderRole-dev`;
const logShipperArn = `arn:aws:iam::${ids.security}:role/LogShipperRole`;

const devIdentities: IdentityPlan = {
  accountId: ids.dev,
  policies: [
    {
      name: 'RenderAssetsAccess',
      description: 'Read render assets, write rendered frames',
      document: policy(
        allow(
          ['s3:GetObject', 's3:ListBucket'],
          [
            `arn:aws:s3:::render-assets-dev-${ids.dev}`,
            `arn:aws:s3:::render-assets-dev-${ids.dev}/*`,
          ],
        ),
        allow(['s3:PutObject', 's3:PutObjectAcl'], `arn:aws:s3:::render-output-dev-${ids.dev}/*`),
        allow('kms:Decrypt', `arn:aws:kms:us-east-1:${ids.dev}:key/*`),
      ),
    },
    {
      name: 'PaymentsSecretsRead',
      description: 'Payments API secrets',
      document: policy(
        allow(
          ['secretsmanager:GetSecretValue', 'secretsmanager:DescribeSecret'],
          `arn:aws:secretsmanager:us-east-1:${ids.dev}:secret:payments/*`,
        ),
      ),
    },
    {
      name: 'DeployArtifacts',
      description: 'CI deploys build artifacts',
      document: policy(
        allow(
          ['s3:GetObject', 's3:PutObject', 's3:ListBucket'],
          [
            `arn:aws:s3:::dev-build-artifacts-${ids.dev}`,
            `arn:aws:s3:::dev-build-artifacts-${ids.dev}/*`,
          ],
        ),
        allow(['lambda:UpdateFunctionCode', 'lambda:GetFunction']),
        allow('iam:PassRole', `arn:aws:iam::${ids.dev}:role/*`),
      ),
    },
  ],
  roles: [
    ec2Role(
      'RenderRole-dev',
      'RenderInstanceProfile-dev',
      ['AmazonS3ReadOnlyAccess', 'RenderAssetsAccess', 'AWSLambdaVPCAccessExecutionRole'],
      {
        description: 'Render farm nodes and the thumbnailer',
        trust: trustServices('ec2.amazonaws.com', 'lambda.amazonaws.com'),
        inline: [
          {
            name: 'render-queue-access',
            document: policy(
              allow(
                [
                  'sqs:ReceiveMessage',
                  'sqs:DeleteMessage',
                  'sqs:SendMessage',
                  'sqs:GetQueueAttributes',
                ],
                `arn:aws:sqs:us-east-1:${ids.dev}:render-jobs`,
              ),
              allow('s3:PutObject', `arn:aws:s3:::render-output-dev-${ids.dev}/*`),
              allow('sts:AssumeRole', logShipperArn),
            ),
          },
        ],
        tags: { Team: 'render' },
      },
    ),
    ec2Role('MailRelayRole', 'MailRelayProfile', ['AmazonSSMManagedInstanceCore'], {
      inline: [
        { name: 'ses-send', document: policy(allow(['ses:SendRawEmail', 'ses:SendEmail'])) },
      ],
    }),
    ec2Role('PaymentsApiRole', 'PaymentsApiProfile', [
      'PaymentsSecretsRead',
      'AmazonSSMManagedInstanceCore',
    ]),
    ec2Role('WebServerRole', 'WebServerProfile', [
      'CloudWatchAgentServerPolicy',
      'AmazonSSMManagedInstanceCore',
    ]),
    ec2Role('AppServerRole', 'AppServerProfile', ['AmazonSSMManagedInstanceCore'], {
      inline: [
        {
          name: 'app-config-read',
          document: policy(
            allow(
              ['ssm:GetParameter', 'ssm:GetParametersByPath'],
              `arn:aws:ssm:us-east-1:${ids.dev}:parameter/dev/app/*`,
            ),
          ),
        },
      ],
    }),
    ec2Role('JenkinsAgentRole', 'JenkinsAgentProfile', ['DeployArtifacts', 'PowerUserAccess']),
    {
      name: 'orders-webhook-role',
      path: '/service-role/',
      trust: lambdaTrust,
      managed: ['AWSLambdaBasicExecutionRole'],
    },
    {
      name: 'BatchSchedulerRole',
      trust: lambdaTrust,
      managed: ['AWSLambdaBasicExecutionRole'],
      inline: [
        {
          name: 'start-batch',
          document: policy(
            allow(
              ['ec2:StartInstances', 'ec2:StopInstances'],
              `arn:aws:ec2:eu-west-1:${ids.dev}:instance/*`,
            ),
          ),
        },
      ],
    },
    organizationAccess,
    securityAudit,
    ...serviceLinkedRoles(['support', 'trustedadvisor', 'rds']),
  ],
  users: [
    { name: 'alice.dev', groups: ['Developers'], managed: [] },
    { name: 'bob.dev', groups: ['Developers', 'DevReadOnly'], managed: [] },
    {
      name: 'render-admin',
      groups: ['Developers'],
      managed: [],
      inline: [
        { name: 'pass-render-role', document: policy(allow('iam:PassRole', renderRoleArn)) },
      ],
    },
    { name: 'ci-deployer', groups: [], managed: ['DeployArtifacts'], tags: { Purpose: 'ci' } },
  ],
  groups: [
    { name: 'Developers', managed: ['PowerUserAccess'] },
    { name: 'DevReadOnly', managed: ['ReadOnlyAccess'] },
  ],
};

const managementIdentities: IdentityPlan = {
  accountId: ids.management,
  policies: [
    {
      name: 'BreakGlassAssume',
      description: 'Assume the organization access role in any member account',
      document: policy(
        allow('sts:AssumeRole', 'arn:aws:iam::*:role/OrganizationAccountAccessRole'),
      ),
    },
    {
      name: 'BillingReportsAccess',
      description: 'Cost reports bucket',
      document: policy(
        allow(
          ['s3:GetObject', 's3:PutObject', 's3:ListBucket'],
          [
            `arn:aws:s3:::org-billing-reports-${ids.management}`,
            `arn:aws:s3:::org-billing-reports-${ids.management}/*`,
          ],
        ),
        allow(['ce:GetCostAndUsage', 'organizations:ListAccounts']),
      ),
    },
  ],
  roles: [
    ec2Role('JenkinsRole', 'JenkinsProfile', ['AmazonSSMManagedInstanceCore'], {
      inline: [
        {
          name: 'deploy-to-dev',
          document: policy(
            allow('sts:AssumeRole', `arn:aws:iam::${ids.dev}:role/OrganizationAccountAccessRole`),
          ),
        },
      ],
    }),
    ec2Role('BackupRole', 'BackupProfile', [], {
      inline: [
        {
          name: 'backup-bucket',
          document: policy(
            allow(
              ['s3:PutObject', 's3:ListBucket'],
              [
                `arn:aws:s3:::mgmt-backups-${ids.management}`,
                `arn:aws:s3:::mgmt-backups-${ids.management}/*`,
              ],
            ),
          ),
        },
      ],
    }),
    {
      name: 'CostReportRole',
      trust: lambdaTrust,
      managed: ['AWSLambdaBasicExecutionRole', 'BillingReportsAccess'],
    },
    {
      name: 'IncidentResponder',
      description: 'Incident response: audit the organization, break glass into members',
      trust: policy({
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${ids.management}:root` },
        Action: 'sts:AssumeRole',
        Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
      }),
      managed: ['SecurityAudit', 'BreakGlassAssume'],
    },
    securityAudit,
    ...serviceLinkedRoles(['organizations', 'support', 'trustedadvisor']),
  ],
  users: [
    { name: 'admin', groups: ['Admins'], managed: [] },
    { name: 'ir-responder', groups: ['IncidentResponse'], managed: [] },
    { name: 'billing-reader', groups: ['Billing'], managed: [] },
    { name: 'terraform', groups: [], managed: ['AdministratorAccess'], tags: { Purpose: 'iac' } },
  ],
  groups: [
    { name: 'Admins', managed: ['AdministratorAccess'] },
    { name: 'Billing', managed: ['Billing'] },
    { name: 'IncidentResponse', managed: ['SecurityAudit', 'BreakGlassAssume'] },
  ],
};

const securityIdentities: IdentityPlan = {
  accountId: ids.security,
  policies: [
    {
      name: 'CrossAccountAudit',
      description: 'Assume the audit role in every account',
      document: policy(allow('sts:AssumeRole', 'arn:aws:iam::*:role/SecurityAuditRole')),
    },
    {
      name: 'ForensicsEvidenceWrite',
      description: 'Write disk images and memory captures',
      document: policy(
        allow(
          ['s3:PutObject', 's3:GetObject', 's3:ListBucket'],
          [
            `arn:aws:s3:::forensics-evidence-${ids.security}`,
            `arn:aws:s3:::forensics-evidence-${ids.security}/*`,
          ],
        ),
        allow(['ec2:CreateSnapshot', 'ec2:CopySnapshot', 'ec2:CreateVolume', 'ec2:AttachVolume']),
      ),
    },
  ],
  roles: [
    ec2Role('ForensicsRole', 'ForensicsProfile', [
      'ForensicsEvidenceWrite',
      'AmazonEC2ReadOnlyAccess',
      'CrossAccountAudit',
    ]),
    ec2Role('SteampipeRole', 'SteampipeProfile', ['CrossAccountAudit', 'ReadOnlyAccess']),
    ec2Role('SplunkRole', 'SplunkProfile', [], {
      inline: [
        {
          name: 'read-cloudtrail',
          document: policy(
            allow(
              ['s3:GetObject', 's3:ListBucket'],
              [
                `arn:aws:s3:::security-cloudtrail-logs-${ids.security}`,
                `arn:aws:s3:::security-cloudtrail-logs-${ids.security}/*`,
              ],
            ),
          ),
        },
      ],
    }),
    {
      name: 'LogShipperRole',
      description: 'Ship application logs into the Security account',
      trust: trustRoles(renderRoleArn, `arn:aws:iam::${ids.security}:role/SplunkRole`),
      managed: [],
      inline: [
        {
          name: 'ship-logs',
          document: policy(
            allow(
              ['firehose:PutRecord', 'firehose:PutRecordBatch'],
              `arn:aws:firehose:us-east-1:${ids.security}:deliverystream/app-logs`,
            ),
            allow(
              's3:PutObject',
              `arn:aws:s3:::security-cloudtrail-logs-${ids.security}/app-logs/*`,
            ),
          ),
        },
      ],
    },
    {
      name: 'GuardDutyForwarderRole',
      trust: lambdaTrust,
      managed: ['AWSLambdaVPCAccessExecutionRole'],
      inline: [
        {
          name: 'read-findings',
          document: policy(allow(['guardduty:GetFindings', 'guardduty:ListFindings'])),
        },
      ],
    },
    organizationAccess,
    ...serviceLinkedRoles(['support', 'trustedadvisor']),
  ],
  users: [],
  groups: [],
};

const marketingIdentities: IdentityPlan = {
  accountId: ids.marketing,
  policies: [
    {
      name: 'MemeAssetsAccess',
      description: 'Meme Factory asset buckets',
      document: policy(
        allow(
          ['s3:GetObject', 's3:PutObject', 's3:ListBucket'],
          ['arn:aws:s3:::meme-factory-public-assets', 'arn:aws:s3:::meme-factory-public-assets/*'],
        ),
      ),
    },
  ],
  roles: [
    ec2Role('MemeWebRole', 'MemeWebProfile', ['MemeAssetsAccess']),
    ec2Role('WordPressRole', 'WordPressProfile', [], {
      inline: [
        {
          name: 'uploads',
          document: policy(
            allow(
              ['s3:PutObject', 's3:GetObject'],
              `arn:aws:s3:::marketing-wordpress-uploads-${ids.marketing}/*`,
            ),
          ),
        },
      ],
    }),
    {
      name: 'MemeResizerRole',
      trust: lambdaTrust,
      managed: ['AWSLambdaBasicExecutionRole', 'MemeAssetsAccess'],
    },
    {
      name: 'VendorMonitoringRole',
      description: 'Third-party uptime and cost monitoring',
      trust: trustAccount(externalVendorAccountId, 'meme-factory-7f3a9c'),
      managed: ['ReadOnlyAccess'],
      tags: { Vendor: 'example-monitoring' },
    },
    organizationAccess,
    securityAudit,
    ...serviceLinkedRoles(['support', 'rds']),
  ],
  users: [],
  groups: [],
};

export const demoIdentities: IdentityPlan[] = [
  managementIdentities,
  devIdentities,
  securityIdentities,
  marketingIdentities,
];
