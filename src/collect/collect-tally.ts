import type { ManifestFailure } from '../evidence/manifest.js';
import type { ServiceName } from './aws-clients.js';

/** What collection did for one service of one account. */
export interface ServiceTally {
  /** Items written (instances' reservations, roles, buckets, ...) across files. */
  items: number;
  files: number;
  gaps: number;
  /** HTTP requests sent, retries included. */
  calls: number;
  /** Calls to make, and calls finished, for progress. */
  planned: number;
  finished: number;
}

export type AccountStatus = 'waiting' | 'collecting' | 'done' | 'unreachable' | 'interrupted';

export interface AccountTally {
  accountId: string;
  name?: string;
  status: AccountStatus;
  regions: string[];
  services: Partial<Record<ServiceName, ServiceTally>>;
  calls: number;
  gaps: number;
}

/** Counts by account and service, kept while collecting; read by progress and the summary. */
export class CollectTally {
  private readonly accounts = new Map<string, AccountTally>();
  private readonly gapList: ManifestFailure[] = [];

  account(accountId: string, name?: string): AccountTally {
    let tally = this.accounts.get(accountId);
    if (tally === undefined) {
      tally = { accountId, status: 'waiting', regions: [], services: {}, calls: 0, gaps: 0 };
      if (name !== undefined) tally.name = name;
      this.accounts.set(accountId, tally);
    }
    if (name !== undefined && tally.name === undefined) tally.name = name;
    return tally;
  }

  service(accountId: string, service: ServiceName): ServiceTally {
    const account = this.account(accountId);
    let tally = account.services[service];
    if (tally === undefined) {
      tally = { items: 0, files: 0, gaps: 0, calls: 0, planned: 0, finished: 0 };
      account.services[service] = tally;
    }
    return tally;
  }

  /** Files the counts kept under a provisional key (a profile name) under the account id. */
  rename(from: string, accountId: string): void {
    const tally = this.accounts.get(from);
    if (tally === undefined || from === accountId) return;
    this.accounts.delete(from);
    tally.accountId = accountId;
    this.accounts.set(accountId, tally);
  }

  addCalls(accountId: string, service: ServiceName, calls: number): void {
    this.service(accountId, service).calls += calls;
    this.account(accountId).calls += calls;
  }

  addGap(failure: ManifestFailure, service: ServiceName | null): void {
    this.gapList.push(failure);
    if (failure.accountId === null) return;
    this.account(failure.accountId).gaps += 1;
    if (service !== null) this.service(failure.accountId, service).gaps += 1;
  }

  get all(): AccountTally[] {
    return [...this.accounts.values()];
  }

  get gaps(): ManifestFailure[] {
    return [...this.gapList];
  }

  get totalCalls(): number {
    return this.all.reduce((sum, account) => sum + account.calls, 0);
  }
}
