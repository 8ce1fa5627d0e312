import { z } from 'zod';

/** sts get-caller-identity. */
export const getCallerIdentityResponse = z.looseObject({
  Account: z.string(),
  Arn: z.string(),
  UserId: z.string().nullish(),
});
