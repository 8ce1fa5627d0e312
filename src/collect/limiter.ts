/**
 * A counting semaphore: at most `max` tasks run at once, the others wait in arrival order.
 */
export class Limiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly max: number) {
    if (!Number.isInteger(max) || max < 1) throw new Error(`limit must be a positive integer`);
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.running < this.max) {
      this.running += 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
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
