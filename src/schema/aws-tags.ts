/** AWS's `[{Key, Value}]` tag list, as most APIs return it. */
export interface AwsTag {
  Key: string;
  Value?: string | undefined;
}

/**
 * Steampipe's `tags` column: a key-to-value object. Absent evidence of tags gives null (unknown);
 * an empty list gives {} (known to have none).
 */
export function tagsObject(
  tags: readonly AwsTag[] | undefined | null,
): Record<string, string> | null {
  if (tags === undefined || tags === null) return null;
  const object: Record<string, string> = {};
  for (const tag of tags) object[tag.Key] = tag.Value ?? '';
  return object;
}

/** The Name tag, which the consoles show as a resource's name. */
export function nameTag(tags: readonly AwsTag[] | undefined | null): string | undefined {
  return tags?.find((tag) => tag.Key === 'Name')?.Value || undefined;
}
