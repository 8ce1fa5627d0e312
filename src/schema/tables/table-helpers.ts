import type { ColumnDefinition, PgType } from '../column.js';
import { tagsObject } from '../aws-tags.js';

/** A column definition, in one line per column. */
export function column(name: string, type: PgType, description: string): ColumnDefinition {
  return { name, type, description };
}

/** The tags_src column: the resource's tag list as AWS returned it. */
export function tagsSrcColumn(resource: string): ColumnDefinition {
  return column('tags_src', 'jsonb', `A list of tags attached to the ${resource}.`);
}

/** A value, or null where the evidence does not hold it (unknown). */
export function known<T>(value: T | null | undefined): T | null {
  return value ?? null;
}

/** AWS's `[{Key, Value}]` tag list, as the loose schemas read it. */
type TagList = readonly { Key: string; Value?: string | null | undefined }[];

/**
 * Steampipe's tags (key to value) and tags_src (the list as AWS returned it). No list means the
 * source does not report tags (unknown, both null); an empty list means none ({}, []).
 */
export function tagColumns<List extends TagList>(
  tags: List | null | undefined,
): { tags: Record<string, string> | null; tags_src: List | null } {
  if (tags === undefined || tags === null) return { tags: null, tags_src: null };
  const list = tags.map((tag) => ({ Key: tag.Key, Value: tag.Value ?? undefined }));
  return { tags: tagsObject(list), tags_src: tags };
}
