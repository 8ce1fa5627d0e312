import { SafeText } from '../format/safe-text.js';
import { accountText, useAccountNames } from './account-names.js';

/** An account as "Name (id)", so a responder sees at once which account a resource is in. */
export function AccountLabel({ accountId }: { accountId: string | null }) {
  const names = useAccountNames();
  return (
    <span className="account">
      <SafeText text={accountText(accountId, names)} limit={60} />
    </span>
  );
}
