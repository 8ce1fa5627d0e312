import type { ColumnDefinition, PgType } from '../column.js';

/** A column definition, in one line per column. */
export function column(name: string, type: PgType, description: string): ColumnDefinition {
  return { name, type, description };
}

/** Steampipe's title column. */
export const titleColumn = column('title', 'text', 'Title of the resource.');

/** Steampipe's akas column. */
export const akasColumn = column(
  'akas',
  'jsonb',
  'Array of globally unique identifier strings (also known as) for the resource.',
);

/** Steampipe's tags column. */
export const tagsColumn = column('tags', 'jsonb', 'A map of tags for the resource.');

/** The tags_src column: the resource's tag list as AWS returned it. */
export function tagsSrcColumn(resource: string): ColumnDefinition {
  return column('tags_src', 'jsonb', `A list of tags attached to the ${resource}.`);
}

/** The partition, region and account_id columns Steampipe appends to every table. */
export function placeColumns(regionDescription: string): ColumnDefinition[] {
  return [
    column(
      'partition',
      'text',
      'The AWS partition in which the resource is located (aws, aws-cn, or aws-us-gov).',
    ),
    column('region', 'text', regionDescription),
    column('account_id', 'text', 'The AWS Account ID in which the resource is located.'),
  ];
}

/** For global resources: region is always 'global'. */
export const globalPlaceColumns = placeColumns(
  "The AWS Region in which the resource is located: 'global' for global services.",
);

/** For regional resources. */
export const regionalPlaceColumns = placeColumns(
  'The AWS Region in which the resource is located.',
);
