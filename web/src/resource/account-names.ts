import { createContext, useContext } from 'react';

/** Account names by id, from the summary: the graph and lists show "Dev (310987654321)". */
export const AccountNamesContext = createContext<ReadonlyMap<string, string>>(new Map());

export function useAccountNames(): ReadonlyMap<string, string> {
  return useContext(AccountNamesContext);
}

/** "Name (id)" when the account's name is known, else the id; "no account" for null. */
export function accountText(accountId: string | null, names: ReadonlyMap<string, string>): string {
  if (accountId === null) return 'no account';
  const name = names.get(accountId);
  return name === undefined || name === accountId ? accountId : `${name} (${accountId})`;
}
