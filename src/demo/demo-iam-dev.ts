import { demoAccountIds as ids } from './demo-accounts.js';
import { allow, policy, trustServices } from './demo-iam-policies.js';
import {
  ec2Role,
  lambdaTrust,
  logShipperArn,
  organizationAccess,
  renderRoleArn,
  securityAudit,
  serviceLinkedRoles,
} from './demo-iam-roles.js';
import type { IdentityPlan } from './demo-plan.js';

/** The Dev account's identities: the compromised render farm's role among them. */
export const devIdentities: IdentityPlan = {
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
