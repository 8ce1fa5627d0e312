import type { PolicyDocument } from './demo-plan.js';

/** An Allow statement. */
export function allow(
  action: string | string[],
  resource: string | string[] = '*',
): Record<string, unknown> {
  return { Effect: 'Allow', Action: action, Resource: resource };
}

/** A policy document of the given statements. */
export function policy(...statements: Record<string, unknown>[]): PolicyDocument {
  return { Version: '2012-10-17', Statement: statements };
}

/** A trust policy letting AWS services assume the role. */
export function trustServices(...services: string[]): PolicyDocument {
  return policy({
    Effect: 'Allow',
    Principal: { Service: services.length === 1 ? services[0] : services },
    Action: 'sts:AssumeRole',
  });
}

/** A trust policy for another account's principals, optionally requiring an external id. */
export function trustAccount(accountId: string, externalId?: string): PolicyDocument {
  return policy({
    Effect: 'Allow',
    Principal: { AWS: `arn:aws:iam::${accountId}:root` },
    Action: 'sts:AssumeRole',
    ...(externalId === undefined
      ? {}
      : { Condition: { StringEquals: { 'sts:ExternalId': externalId } } }),
  });
}

/** A trust policy for specific roles (which may live in other accounts). */
export function trustRoles(...roleArns: string[]): PolicyDocument {
  return policy({
    Effect: 'Allow',
    Principal: { AWS: roleArns.length === 1 ? roleArns[0] : roleArns },
    Action: 'sts:AssumeRole',
  });
}

export interface AwsManagedPolicy {
  path: string;
  versionId: string;
  createdAt: string;
  updatedAt: string;
  document: PolicyDocument;
}

/**
 * The AWS managed policies the demo attaches, with their documents. Large ones (ReadOnlyAccess,
 * SecurityAudit) are shortened to their first statements: real ones run to thousands of actions.
 */
export const awsManagedPolicies: Record<string, AwsManagedPolicy> = {
  AdministratorAccess: {
    path: '/',
    versionId: 'v1',
    createdAt: '2015-02-06T18:39:46+00:00',
    updatedAt: '2015-02-06T18:39:46+00:00',
    document: policy(allow('*')),
  },
  PowerUserAccess: {
    path: '/',
    versionId: 'v5',
    createdAt: '2015-02-06T18:39:47+00:00',
    updatedAt: '2023-07-06T22:04:19+00:00',
    document: policy(
      { Effect: 'Allow', NotAction: ['iam:*', 'organizations:*', 'account:*'], Resource: '*' },
      allow([
        'account:GetAccountInformation',
        'account:GetPrimaryEmail',
        'account:ListRegions',
        'iam:CreateServiceLinkedRole',
        'iam:DeleteServiceLinkedRole',
        'iam:ListRoles',
        'organizations:DescribeOrganization',
      ]),
    ),
  },
  ReadOnlyAccess: {
    path: '/',
    versionId: 'v120',
    createdAt: '2015-02-06T18:39:48+00:00',
    updatedAt: '2025-05-01T16:11:03+00:00',
    document: policy(
      allow([
        'ec2:Describe*',
        'iam:Get*',
        'iam:List*',
        'lambda:Get*',
        'lambda:List*',
        'rds:Describe*',
        's3:Get*',
        's3:List*',
        'sqs:Get*',
        'sqs:List*',
      ]),
    ),
  },
  SecurityAudit: {
    path: '/',
    versionId: 'v44',
    createdAt: '2015-02-06T18:41:01+00:00',
    updatedAt: '2025-03-20T17:30:12+00:00',
    document: policy(
      allow([
        'cloudtrail:DescribeTrails',
        'cloudtrail:LookupEvents',
        'ec2:Describe*',
        'iam:GenerateCredentialReport',
        'iam:Get*',
        'iam:List*',
        's3:GetBucketPolicy',
        's3:ListAllMyBuckets',
      ]),
    ),
  },
  AmazonS3ReadOnlyAccess: {
    path: '/',
    versionId: 'v3',
    createdAt: '2015-02-06T18:40:59+00:00',
    updatedAt: '2023-08-10T21:31:39+00:00',
    document: policy(
      allow([
        's3:Get*',
        's3:List*',
        's3:Describe*',
        's3-object-lambda:Get*',
        's3-object-lambda:List*',
      ]),
    ),
  },
  AmazonEC2ReadOnlyAccess: {
    path: '/',
    versionId: 'v3',
    createdAt: '2015-02-06T18:40:17+00:00',
    updatedAt: '2018-11-27T02:16:56+00:00',
    document: policy(
      allow('ec2:Describe*'),
      allow('elasticloadbalancing:Describe*'),
      allow(['cloudwatch:ListMetrics', 'cloudwatch:GetMetricStatistics', 'cloudwatch:Describe*']),
      allow('autoscaling:Describe*'),
    ),
  },
  AmazonSSMManagedInstanceCore: {
    path: '/',
    versionId: 'v2',
    createdAt: '2019-03-15T17:22:12+00:00',
    updatedAt: '2019-05-23T16:54:21+00:00',
    document: policy(
      allow([
        'ssm:DescribeAssociation',
        'ssm:GetDeployablePatchSnapshotForInstance',
        'ssm:GetDocument',
        'ssm:DescribeDocument',
        'ssm:GetManifest',
        'ssm:GetParameter',
        'ssm:GetParameters',
        'ssm:ListAssociations',
        'ssm:ListInstanceAssociations',
        'ssm:PutInventory',
        'ssm:PutComplianceItems',
        'ssm:PutConfigurePackageResult',
        'ssm:UpdateAssociationStatus',
        'ssm:UpdateInstanceAssociationStatus',
        'ssm:UpdateInstanceInformation',
      ]),
      allow([
        'ssmmessages:CreateControlChannel',
        'ssmmessages:CreateDataChannel',
        'ssmmessages:OpenControlChannel',
        'ssmmessages:OpenDataChannel',
      ]),
      allow([
        'ec2messages:AcknowledgeMessage',
        'ec2messages:DeleteMessage',
        'ec2messages:FailMessage',
        'ec2messages:GetEndpoint',
        'ec2messages:GetMessages',
        'ec2messages:SendReply',
      ]),
    ),
  },
  CloudWatchAgentServerPolicy: {
    path: '/',
    versionId: 'v2',
    createdAt: '2017-08-31T00:08:45+00:00',
    updatedAt: '2021-11-17T18:57:48+00:00',
    document: policy(
      allow([
        'cloudwatch:PutMetricData',
        'ec2:DescribeVolumes',
        'ec2:DescribeTags',
        'logs:PutLogEvents',
        'logs:DescribeLogStreams',
        'logs:DescribeLogGroups',
        'logs:CreateLogStream',
        'logs:CreateLogGroup',
      ]),
      allow('ssm:GetParameter', 'arn:aws:ssm:*:*:parameter/AmazonCloudWatch-*'),
    ),
  },
  AWSLambdaBasicExecutionRole: {
    path: '/service-role/',
    versionId: 'v1',
    createdAt: '2015-04-09T15:03:43+00:00',
    updatedAt: '2015-04-09T15:03:43+00:00',
    document: policy(allow(['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'])),
  },
  AWSLambdaVPCAccessExecutionRole: {
    path: '/service-role/',
    versionId: 'v3',
    createdAt: '2016-02-11T23:15:26+00:00',
    updatedAt: '2024-01-05T22:37:32+00:00',
    document: policy(
      allow([
        'logs:CreateLogGroup',
        'logs:CreateLogStream',
        'logs:PutLogEvents',
        'ec2:CreateNetworkInterface',
        'ec2:DescribeNetworkInterfaces',
        'ec2:DescribeSubnets',
        'ec2:DeleteNetworkInterface',
        'ec2:AssignPrivateIpAddresses',
        'ec2:UnassignPrivateIpAddresses',
      ]),
    ),
  },
  Billing: {
    path: '/job-function/',
    versionId: 'v9',
    createdAt: '2016-11-10T17:33:18+00:00',
    updatedAt: '2024-02-29T21:07:40+00:00',
    document: policy(
      allow(['aws-portal:*Billing', 'billing:*', 'ce:*', 'cur:*', 'budgets:*', 'tax:*']),
    ),
  },
  AWSSupportServiceRolePolicy: {
    path: '/aws-service-role/',
    versionId: 'v38',
    createdAt: '2018-04-19T18:04:44+00:00',
    updatedAt: '2025-01-14T19:47:12+00:00',
    document: policy(
      allow(['ec2:DescribeInstances', 'iam:GetAccountSummary', 'rds:DescribeDBInstances']),
    ),
  },
  AWSTrustedAdvisorServiceRolePolicy: {
    path: '/aws-service-role/',
    versionId: 'v12',
    createdAt: '2018-02-22T21:24:25+00:00',
    updatedAt: '2024-03-21T16:09:57+00:00',
    document: policy(
      allow(['ec2:DescribeAddresses', 'ec2:DescribeInstances', 'iam:GenerateCredentialReport']),
    ),
  },
  AmazonRDSServiceRolePolicy: {
    path: '/aws-service-role/',
    versionId: 'v16',
    createdAt: '2018-01-08T18:17:46+00:00',
    updatedAt: '2024-06-13T17:02:05+00:00',
    document: policy(
      allow([
        'ec2:AuthorizeSecurityGroupIngress',
        'ec2:CreateNetworkInterface',
        'ec2:DeleteNetworkInterface',
        'ec2:DescribeSubnets',
        'ec2:ModifyNetworkInterfaceAttribute',
      ]),
    ),
  },
  AWSOrganizationsServiceTrustPolicy: {
    path: '/aws-service-role/',
    versionId: 'v2',
    createdAt: '2017-10-10T23:04:07+00:00',
    updatedAt: '2017-11-01T06:01:18+00:00',
    document: policy(
      allow(
        ['iam:DeleteRole'],
        'arn:aws:iam::*:role/aws-service-role/organizations.amazonaws.com/*',
      ),
      allow('organizations:DescribeOrganization'),
    ),
  },
};

/** The ARN of a managed policy: AWS managed ones under `aws`, the rest in the account. */
export function managedPolicyArn(accountId: string, name: string, customerPath = '/'): string {
  const managed = awsManagedPolicies[name];
  return managed === undefined
    ? `arn:aws:iam::${accountId}:policy${customerPath}${name}`
    : `arn:aws:iam::aws:policy${managed.path}${name}`;
}
