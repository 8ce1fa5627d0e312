import type { ConcurrencyLimits } from './call-runner.js';

/**
 * lateral collect's defaults, shared by the CLI and the benchmark. The per-region limit is the
 * one that matters against AWS: each account is throttled in each region on its own, and calls
 * beyond what the rate allows only wait in the SDK's backoff.
 */
export const defaultLimits: ConcurrencyLimits = {
  total: 4096,
  perAccount: 64,
  perRegion: 8,
  perService: 4,
};

export const defaultAccountsAtOnce = 32;

/** Adaptive retry: attempts per call, the first included. */
export const defaultMaxAttempts = 10;

export const defaultRequestTimeoutMs = 30_000;

export const defaultRoleName = 'OrganizationAccountAccessRole';
