/** A Postgres identifier, double-quoted, with embedded quotes doubled. */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A possibly schema-qualified name (`lateral.aws_vpc`), each part quoted. */
export function quoteQualifiedName(name: string): string {
  return name.split('.').map(quoteIdentifier).join('.');
}

/** A Postgres string literal, with embedded quotes doubled. */
export function quoteLiteral(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** The COPY statement both backends run to load COPY text into a table. */
export function copyStatement(table: string, columns: readonly string[], source: string): string {
  const columnList = columns.map(quoteIdentifier).join(', ');
  return `COPY ${quoteQualifiedName(table)} (${columnList}) FROM ${source}`;
}
