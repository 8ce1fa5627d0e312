/**
 * A counting semaphore: at most `max` tasks run at once, the others wait in arrival order,
 * urgent ones first.
 */
export class Limiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly urgent: (() => void)[] = [];

  constructor(readonly max: number) {
    if (!Number.isInteger(max) || max < 1) throw new Error(`limit must be a positive integer`);
  }

  /** Runs `task` when a slot is free; urgent tasks go before every waiting task that is not. */
  async run<T>(task: () => Promise<T>, urgent = false): Promise<T> {
    await this.acquire(urgent);
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private acquire(urgent: boolean): Promise<void> {
    if (this.running < this.max) {
      this.running += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => (urgent ? this.urgent : this.waiting).push(resolve));
  }

  private release(): void {
    const next = this.urgent.shift() ?? this.waiting.shift();
    // The slot passes straight to the next waiter, so `running` stays the same.
    if (next === undefined) this.running -= 1;
    else next();
  }
}

/** One Limiter per key (an account, an account and region, ...), made on first use. */
export class KeyedLimiter {
  private readonly limiters = new Map<string, Limiter>();

  constructor(readonly max: number) {}

  for(key: string): Limiter {
    let limiter = this.limiters.get(key);
    if (limiter === undefined) {
      limiter = new Limiter(this.max);
      this.limiters.set(key, limiter);
    }
    return limiter;
  }
}
