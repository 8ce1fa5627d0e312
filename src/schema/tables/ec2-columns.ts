import type { ColumnDefinition } from '../column.js';
import { column } from './table-helpers.js';

export { column, tagsSrcColumn } from './table-helpers.js';

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
