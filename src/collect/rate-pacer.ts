/**
 * Paces requests per account and region once AWS has throttled them. AWS throttles each account
 * in each region as one bucket shared by every client, while the SDK's adaptive retry learns a
 * rate per client only; this pacer learns the shared rate: after a throttling error it sends at
 * a little under the rate that just succeeded, then probes upward with each success.
 */
export class RatePacer {
  private readonly lanes = new Map<string, Lane>();

  /** Resolves when a request for `key` may be sent. */
  async wait(key: string): Promise<void> {
    const lane = this.lane(key);
    if (lane.rate === undefined) return;
    const now = performance.now();
    const at = Math.max(now, lane.nextAt);
    lane.nextAt = at + 1000 / lane.rate;
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  }

  /** Tells the pacer how a request for `key` ended. */
  record(key: string, throttled: boolean): void {
    const lane = this.lane(key);
    const now = performance.now();
    if (!throttled) {
      lane.successes.push(now);
      if (lane.rate !== undefined) lane.rate *= increasePerSuccess;
      return;
    }
    // One throttling wave costs one decrease: requests already in flight see the same limit.
    if (now - lane.decreasedAt < decreaseIntervalMs) return;
    lane.decreasedAt = now;
    const measured = lane.measuredRate(now);
    const current = lane.rate ?? measured;
    lane.rate = Math.max(minimumRate, Math.min(current, measured) * decreaseFactor);
  }

  /** The learned rate for `key` in requests per second, or undefined while never throttled. */
  rateOf(key: string): number | undefined {
    return this.lanes.get(key)?.rate;
  }

  private lane(key: string): Lane {
    let lane = this.lanes.get(key);
    if (lane === undefined) {
      lane = new Lane();
      this.lanes.set(key, lane);
    }
    return lane;
  }
}

const windowMs = 2_000;
const decreaseIntervalMs = 500;
const decreaseFactor = 0.9;
const increasePerSuccess = 1.01;
const minimumRate = 0.5;
const minimumSpanMs = 250;

class Lane {
  rate: number | undefined;
  nextAt = 0;
  decreasedAt = -Infinity;
  successes: number[] = [];

  /** Successful requests per second over the last window (what the bucket let through). */
  measuredRate(now: number): number {
    this.successes = this.successes.filter((at) => now - at <= windowMs);
    // Early on the window is not full yet: measure over the time the successes took.
    const span = Math.max(now - (this.successes[0] ?? now), minimumSpanMs);
    return Math.max(minimumRate, (this.successes.length * 1000) / span);
  }
}

/** True for the throttling errors of the protocols lateral calls. */
export function isThrottling(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return (
    status === 429 ||
    /Throttl|TooManyRequests|RequestLimitExceeded|SlowDown|RequestThrottled|RateExceeded/i.test(
      error.name,
    )
  );
}
