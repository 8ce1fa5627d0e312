/**
 * Search over the graph's terms: exact id or ARN first, then exact name, tag, IP or account,
 * then prefixes, then substrings of the node's search text (trigram-indexed when pg_trgm is
 * loaded).
 */
import type { StoreSession } from '../../store/store.js';
import type { SearchResult } from '../graph-model.js';
import { nodeColumns, toNode, type ResourceRow } from '../node-rows.js';

function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** Which property a substring hit came from, for the result's `matched`. */
function substringMatch(row: ResourceRow, query: string): string {
  if (row.id.toLowerCase().includes(query)) return 'id';
  if (row.name.toLowerCase().includes(query)) return 'name';
  if (row.key.toLowerCase().includes(query)) return 'arn';
  if (row.account_id?.includes(query)) return 'account';
  return 'tag';
}

export async function querySearch(
  session: StoreSession,
  text: string,
  limit: number,
): Promise<SearchResult[]> {
  const query = text.trim().toLowerCase();
  if (query === '' || limit <= 0) return [];
  const pattern = likeEscape(query);
  // Substrings shorter than a trigram cannot use the index; they scan, so only from 3 characters.
  const substring = query.length >= 3 ? `%${pattern}%` : null;
  const run = (substringPattern: string | null) =>
    session.query<ResourceRow & { matched: string; rank: number }>(
      `with hits as (
       select key, matched, case when matched in ('id', 'arn') then 0 else 1 end as rank
         from "lateral".resource_term where term = $1
       union all
       (select key, matched, 2 from "lateral".resource_term
         where term like $2 escape '\\' and term <> $1 limit $3 * 4)
       union all
       (select key, '', 3 from "lateral".resource
         where $4::text is not null and search_text like $4 escape '\\' limit $3 * 4)
     ), best as (
       select distinct on (key) key, matched, rank from hits order by key, rank, matched
     )
     select ${nodeColumns('r')}, b.matched, b.rank
     from best b join "lateral".resource r on r.key = b.key
     order by b.rank, r.collected desc, r.name, r.key
     limit $3`,
      [query, `${pattern}%`, limit, substringPattern],
    );
  // Substrings scan every node's search text without a trigram index: only when nothing has
  // the exact id, ARN, name, tag, IP or account the user typed.
  let result = await run(null);
  const exact = result.rows.some((row) => row.rank <= 1);
  if (!exact && substring !== null && result.rows.length < limit) result = await run(substring);
  return result.rows.map((row) => ({
    node: toNode(row),
    matched: row.matched === '' ? substringMatch(row, query) : row.matched,
  }));
}
