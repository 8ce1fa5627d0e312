import type { ColumnDefinition } from '../column.js';
import { column } from './table-helpers.js';

export { column, tagsSrcColumn } from './table-helpers.js';

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
