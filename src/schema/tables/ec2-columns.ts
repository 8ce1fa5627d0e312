import type { ColumnDefinition, PgType } from '../column.js';

/** A column definition, in one line per column. */
export function column(name: string, type: PgType, description: string): ColumnDefinition {
  return { name, type, description };
}

/** Steampipe's standard title, tags and akas columns, which every EC2 table fills itself. */
export function standardColumns(options: { akas: boolean } = { akas: true }): ColumnDefinition[] {
  return [
    column('title', 'text', 'Title of the resource.'),
    column('tags', 'jsonb', 'A map of tags for the resource.'),
    ...(options.akas
      ? [column('akas', 'jsonb', 'Array of globally unique identifier strings for the resource.')]
      : []),
  ];
}

/** The tags_src column: the resource's tag list as AWS returned it. */
export function tagsSrcColumn(resource: string): ColumnDefinition {
  return column('tags_src', 'jsonb', `A list of tags attached to the ${resource}.`);
}
