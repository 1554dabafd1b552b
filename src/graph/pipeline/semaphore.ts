// A counting semaphore: at most `limit` holders at a time, the rest wait in arrival order.

export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`Semaphore limit must be ≥ 1, got ${limit}`);
  }

  /** Resolves with a release function once a place is free; call it exactly once. */
  async acquire(): Promise<() => void> {
    if (this.active >= this.limit) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.active++;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const nextInLine = this.waiting.shift();
      // The place passes straight to the next waiter, so `active` stays the same.
      if (nextInLine) nextInLine();
      else this.active--;
    };
  }
}
