import { demoAccountIds as ids } from './demo-accounts.js';
import { trustAccount, trustServices } from './demo-iam-policies.js';
import type { RolePlan } from './demo-plan.js';

export const ec2Trust = trustServices('ec2.amazonaws.com');
export const lambdaTrust = trustServices('lambda.amazonaws.com');

/** A role EC2 instances run as, through an instance profile. */
export function ec2Role(
  name: string,
  profile: string,
  managed: string[],
  extra: Partial<RolePlan> = {},
): RolePlan {
  return { name, trust: ec2Trust, managed, profile, ...extra };
}

/** The AWS service-linked roles most accounts carry. */
export function serviceLinkedRoles(
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
export const organizationAccess: RolePlan = {
  name: 'OrganizationAccountAccessRole',
  trust: trustAccount(ids.management),
  managed: ['AdministratorAccess'],
};

/** Read-only audit access the Security account uses in every other account. */
export const securityAudit: RolePlan = {
  name: 'SecurityAuditRole',
  description: 'Cross-account audit from the Security account',
  trust: trustAccount(ids.security),
  managed: ['SecurityAudit', 'ReadOnlyAccess'],
  tags: { Owner: 'security' },
};

/** Roles other plans name. */
export const renderRoleArn = `arn:aws:iam::${ids.dev}:role/RenderRole-dev`;
export const logShipperArn = `arn:aws:iam::${ids.security}:role/LogShipperRole`;
