import { z } from 'zod';

const isoPattern =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * An AWS timestamp as an ISO 8601 string Postgres reads the same way: the aws CLI writes
 * `2019-04-30T16:26:38.618+00:00`, Lambda `...618+0000`, boto captures `...Z`; some tools write
 * epoch seconds. Times without a zone are UTC, as AWS means them. Undefined when unreadable.
 */
export function isoTimestamp(value: string | number): string | undefined {
  if (typeof value === 'number') {
    const date = new Date(value * 1000);
    return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
  }
  const text = value.trim();
  if (!isoPattern.test(text)) return undefined;
  let normalized = text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  if (/T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/i.test(normalized)) normalized += 'Z';
  return Number.isNaN(Date.parse(normalized)) ? undefined : normalized;
}

/** A timestamp field, checked and normalized to ISO 8601. */
export const awsTimestamp = z.union([z.string(), z.number()]).transform((value, context) => {
  const iso = isoTimestamp(value);
  if (iso === undefined) {
    context.addIssue({ code: 'custom', message: 'Expected an ISO 8601 timestamp' });
    return z.NEVER;
  }
  return iso;
});

/** An integer field (Postgres bigint). */
export const awsInteger = z.number().int();

/** AWS's `[{Key, Value}]` tag list. */
export const awsTagList = z.array(z.looseObject({ Key: z.string(), Value: z.string().nullish() }));

export type AwsTagListShape = z.infer<typeof awsTagList>;
