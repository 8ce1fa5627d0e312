import { demoAccountIds as ids, externalVendorAccountId } from './demo-accounts.js';
import { devIdentities } from './demo-iam-dev.js';
import { allow, policy, trustAccount, trustRoles } from './demo-iam-policies.js';
import {
  ec2Role,
  lambdaTrust,
  organizationAccess,
  renderRoleArn,
  securityAudit,
  serviceLinkedRoles,
} from './demo-iam-roles.js';
import type { IdentityPlan } from './demo-plan.js';

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
