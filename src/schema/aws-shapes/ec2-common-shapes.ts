import { z } from 'zod';

/**
 * Building blocks of the loose schemas of the aws CLI's EC2 output. Every field lateral reads may
 * be absent or null (older captures, other collectors); unknown extra fields always pass.
 */
export const optionalText = z.string().nullish();
export const optionalNumber = z.number().nullish();
export const optionalBoolean = z.boolean().nullish();
/** A field stored as jsonb as it is: any JSON value. */
export const anyJson = z.unknown().optional();

/** AWS's `[{Key, Value}]` tag list. */
export const tagListShape = z
  .array(z.looseObject({ Key: z.string(), Value: z.string().nullish() }))
  .nullish();

export type TagListShape = z.infer<typeof tagListShape>;
