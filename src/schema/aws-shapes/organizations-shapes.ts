import { z } from 'zod';
import { awsTimestamp } from './account-common-shapes.js';

/** organizations list-accounts (loose: only fields read). */
export const listAccountsResponse = z.looseObject({
  Accounts: z.array(
    z.looseObject({
      Id: z.string(),
      Arn: z.string().nullish(),
      Email: z.string().nullish(),
      Name: z.string().nullish(),
      Status: z.string().nullish(),
      JoinedMethod: z.string().nullish(),
      JoinedTimestamp: awsTimestamp.nullish(),
    }),
  ),
});

/** organizations describe-organization (loose: only fields read). */
export const describeOrganizationResponse = z.looseObject({
  Organization: z.looseObject({
    Id: z.string().nullish(),
    Arn: z.string().nullish(),
    FeatureSet: z.string().nullish(),
    MasterAccountArn: z.string().nullish(),
    MasterAccountId: z.string().nullish(),
    MasterAccountEmail: z.string().nullish(),
    AvailablePolicyTypes: z.array(z.unknown()).nullish(),
  }),
});

export type OrganizationsAccount = z.infer<typeof listAccountsResponse>['Accounts'][number];
