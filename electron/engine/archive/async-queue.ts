/**
 * Unbounded FIFO with one asynchronous consumer: `shift()` waits for the next item and yields
 * `undefined` once the queue is closed and drained. Bounding is done elsewhere (Semaphore), so
 * producers never wait here.
 */
export class AsyncQueue<T> {
  private readonly items: T[] = [];
  private waiter: { resolve: (item: T | undefined) => void; reject: (error: Error) => void } | undefined;
  private closed = false;
  private error: Error | undefined;

  /** Adds an item; throws if the queue was closed or failed (a programming error upstream). */
  push(item: T): void {
    if (this.error) throw this.error;
    if (this.closed) throw new Error('AsyncQueue: push after close');
    const waiter = this.waiter;
    if (waiter) {
      this.waiter = undefined;
      waiter.resolve(item);
    } else {
      this.items.push(item);
    }
  }

  /** No more items will come; the consumer gets `undefined` after the last one. */
  close(): void {
    this.closed = true;
    if (this.waiter && this.items.length === 0) {
      const waiter = this.waiter;
      this.waiter = undefined;
      waiter.resolve(undefined);
    }
  }

  /** Drops queued items and makes the pending and every later `shift()` reject. */
  fail(error: Error): void {
    this.error ??= error;
    this.items.length = 0;
    const waiter = this.waiter;
    this.waiter = undefined;
    waiter?.reject(this.error);
  }

  /** The next item, or `undefined` when closed and empty. Only one call may be pending. */
  shift(): Promise<T | undefined> {
    if (this.error) return Promise.reject(this.error);
    if (this.items.length > 0) return Promise.resolve(this.items.shift());
    if (this.closed) return Promise.resolve(undefined);
    if (this.waiter) return Promise.reject(new Error('AsyncQueue: only one consumer may wait'));
    return new Promise((resolve, reject) => {
      this.waiter = { resolve, reject };
    });
  }
}
