import type { AccountPlan } from './demo-plan.js';

/** The demo organization's accounts: a management account and three members. */
export const demoAccountIds = {
  management: '210987654321',
  dev: '310987654321',
  security: '410987654321',
  marketing: '510987654321',
} as const;

/** An account outside the organization that one role trusts: a vendor. */
export const externalVendorAccountId = '999988887777';

export const demoOrganizationId = 'o-k3x9wq2m7d';

export const demoRegions = ['us-east-1', 'eu-west-1'];

export const demoAccounts: AccountPlan[] = [
  {
    id: demoAccountIds.management,
    name: 'Management',
    email: 'aws-management@example.com',
    alias: 'example-corp-management',
    joinedAt: '2019-03-11T09:12:44+00:00',
  },
  {
    id: demoAccountIds.dev,
    name: 'Dev',
    email: 'aws-dev@example.com',
    alias: 'example-corp-dev',
    joinedAt: '2019-03-14T16:02:10+00:00',
  },
  {
    id: demoAccountIds.security,
    name: 'Security',
    email: 'aws-security@example.com',
    alias: 'example-corp-security',
    joinedAt: '2019-04-02T11:45:31+00:00',
  },
  {
    id: demoAccountIds.marketing,
    name: 'Marketing',
    email: 'aws-marketing@example.com',
    alias: 'example-corp-marketing',
    joinedAt: '2020-08-19T13:27:05+00:00',
  },
];

/** The office network the organization's administrators connect from. */
export const officeCidr = '203.0.113.0/24';

/** When the demo evidence was collected: every timestamp in it is before this instant. */
export const demoCollectedAt = new Date('2025-06-12T14:05:00Z');
