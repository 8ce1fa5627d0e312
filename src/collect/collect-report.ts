import type { ManifestFailure } from '../evidence/manifest.js';
import { collectedServices, type ServiceName } from './aws-clients.js';
import type { AccountTally, CollectTally } from './collect-tally.js';

/** The services shown as columns, in order (sts is folded into the calls count). */
export const reportedServices: readonly ServiceName[] = collectedServices.filter(
  (service) => service !== 'sts',
);

/** One progress line per account: its state and, per service, calls finished of planned. */
export function progressLines(tally: CollectTally): string[] {
  return tally.all.map((account) => {
    const services = reportedServices
      .map((service) => {
        const counts = account.services[service];
        return counts === undefined || counts.planned === 0
          ? undefined
          : `${service} ${counts.finished}/${counts.planned}`;
      })
      .filter((part): part is string => part !== undefined)
      .join('  ');
    const gaps = account.gaps === 0 ? '' : `  gaps ${account.gaps}`;
    const label = `${accountLabel(account).padEnd(28)} ${account.status.padEnd(11)}`;
    return `${label} ${services}  calls ${account.calls}${gaps}`;
  });
}

export function accountLabel(account: Pick<AccountTally, 'accountId' | 'name'>): string {
  return account.name === undefined ? account.accountId : `${account.accountId} ${account.name}`;
}

/** A cell of the final table: items collected, and gaps if any. */
export function serviceCell(account: AccountTally, service: ServiceName): string {
  const counts = account.services[service];
  if (counts === undefined) return '-';
  return counts.gaps === 0 ? String(counts.items) : `${counts.items} (${counts.gaps} gaps)`;
}

/** The final table, as rows: account, status, one cell per service, calls. */
export function summaryRows(tally: CollectTally): string[][] {
  return tally.all.map((account) => [
    accountLabel(account),
    account.status,
    ...reportedServices.map((service) => serviceCell(account, service)),
    String(account.calls),
  ]);
}

export const summaryHeader: readonly string[] = ['account', 'status', ...reportedServices, 'calls'];

/** A gap on one line: where, the error code, the message. */
export function gapLine(gap: ManifestFailure): string {
  const where = [gap.accountId, gap.region, gap.api].filter((part) => part !== null).join(' ');
  return `${where}: ${gap.errorCode}: ${gap.message}`;
}

/** The machine-readable summary behind `--json`. */
export function jsonSummary(tally: CollectTally, folder: string, complete: boolean) {
  return {
    folder,
    complete,
    calls: tally.totalCalls,
    accounts: tally.all.map((account) => ({
      accountId: account.accountId,
      ...(account.name === undefined ? {} : { name: account.name }),
      status: account.status,
      regions: account.regions,
      calls: account.calls,
      gaps: account.gaps,
      services: Object.fromEntries(
        Object.entries(account.services).map(([service, counts]) => [
          service,
          { items: counts.items, files: counts.files, gaps: counts.gaps, calls: counts.calls },
        ]),
      ),
    })),
    gaps: tally.gaps,
  };
}
