/**
 * Turns SDK v3 responses into the aws CLI's output shape: PascalCase keys as the SDK returns
 * them, without `$metadata`, timestamps as ISO strings, every page merged.
 */

/** A response in the aws CLI's shape: plain JSON values only. */
export type CliOutput = Record<string, unknown>;

/** Drops `$metadata`, turns Dates into ISO strings and byte arrays into base64, recursively. */
export function toCliShape(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(toCliShape);
  if (value !== null && typeof value === 'object') {
    const shaped: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      if (key === '$metadata' || child === undefined) continue;
      shaped[key] = toCliShape(child);
    }
    return shaped;
  }
  return value;
}

/**
 * Merges the pages of one paginated call as the aws CLI prints them: the items under each list
 * key concatenated, the other keys from the first page, the paging keys dropped.
 */
export function mergePages(
  pages: readonly CliOutput[],
  listKeys: readonly string[],
  pagingKeys: readonly string[],
): CliOutput {
  const merged: CliOutput = { ...(pages[0] ?? {}) };
  for (const key of pagingKeys) delete merged[key];
  for (const key of listKeys) {
    merged[key] = pages.flatMap((page) => {
      const items = page[key];
      return Array.isArray(items) ? (items as unknown[]) : [];
    });
  }
  return merged;
}

/** How many items a merged response holds under its list keys (1 for a plain object). */
export function countItems(body: CliOutput, listKeys: readonly string[]): number {
  if (listKeys.length === 0) return 1;
  return listKeys.reduce((sum, key) => {
    const items = body[key];
    return sum + (Array.isArray(items) ? items.length : 0);
  }, 0);
}
