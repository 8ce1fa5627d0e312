import Table from 'cli-table3';
import { stringify } from 'csv-stringify/sync';
import type { QueryResult } from '../../store/store.js';
import { jsonValue, valueText } from './format-value.js';

export const outputFormats = ['table', 'json', 'csv', 'line'] as const;
export type OutputFormat = (typeof outputFormats)[number];

/** How the table and line formats show SQL null, as Steampipe does. */
const nullMarker = '<null>';

function textRows(result: QueryResult): (string | null)[][] {
  return result.rows.map((row) =>
    result.fields.map((field) => valueText(row[field.name], field.dataTypeID)),
  );
}

function tableText(result: QueryResult): string {
  const table = new Table({
    head: result.fields.map((field) => field.name),
    style: { head: [], border: [] },
  });
  for (const row of textRows(result)) table.push(row.map((value) => value ?? nullMarker));
  return `${table.toString()}\n`;
}

function lineText(result: QueryResult): string {
  const width = Math.max(0, ...result.fields.map((field) => field.name.length));
  return textRows(result)
    .map((row) =>
      row
        .map((value, index) => {
          const name = result.fields[index]?.name ?? '';
          return `${name.padEnd(width)} | ${value ?? nullMarker}\n`;
        })
        .join(''),
    )
    .join('\n');
}

/** A query result in one of the output formats, ready to print. */
export function formatResult(result: QueryResult, format: OutputFormat): string {
  switch (format) {
    case 'table':
      return tableText(result);
    case 'line':
      return lineText(result);
    case 'csv':
      return stringify(textRows(result), {
        header: true,
        columns: result.fields.map((field) => field.name),
      });
    case 'json': {
      const objects = result.rows.map((row) =>
        Object.fromEntries(result.fields.map((field) => [field.name, jsonValue(row[field.name])])),
      );
      return `${JSON.stringify(objects, null, 2)}\n`;
    }
  }
}
