/**
 * Counting semaphore with FIFO hand-off. Used to bound how many chunks are in memory and how many
 * deflate jobs occupy libuv's threadpool at once. `fail()` rejects every waiter and every later
 * acquire, so loops blocked on it wake up when the archive dies.
 */
export class Semaphore {
  private readonly waiters: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  private error: Error | undefined;

  constructor(private available: number) {}

  /** Resolves when a permit is taken; rejects once the semaphore has failed. */
  acquire(): Promise<void> {
    if (this.error) return Promise.reject(this.error);
    if (this.available > 0) {
      this.available -= 1;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  /** Returns a permit, handing it straight to the oldest waiter if there is one. */
  release(): void {
    const next = this.waiters.shift();
    if (next) next.resolve();
    else this.available += 1;
  }

  /** Runs `task` holding one permit. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  /** Rejects all current and future acquires with `error`. */
  fail(error: Error): void {
    this.error ??= error;
    for (const waiter of this.waiters.splice(0)) waiter.reject(this.error);
  }
}
