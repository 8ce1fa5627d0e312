/** A first-come, first-served lock for async work: one holder at a time. */
export class AsyncMutex {
  private tail: Promise<void> = Promise.resolve();

  /** Runs `work` once every earlier caller's work has finished. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    try {
      return await work();
    } finally {
      release();
    }
  }
}
