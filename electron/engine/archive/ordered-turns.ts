/**
 * Turns taken in the order places were joined: a place whose turn comes waits for every place
 * before it to leave. The session gives each item a place when it starts (the order items
 * arrive), and an item redacts and hands its entry to the writer only in its turn, so entries and
 * placeholder numbers follow arrival order, whichever file opened first, and with the redaction
 * worker as without (redact/redact-offload.ts).
 *
 * A place that is not ready yet (a file still opening) can `rejoin` at the end of the line, so a
 * slow source never holds up the items behind it.
 */
export interface Place {
  wake?: () => void;
  reject?: (error: Error) => void;
}

export class OrderedTurns {
  private readonly line: Place[] = [];
  private holder: Place | undefined;
  private error: Error | undefined;

  /** A new place at the end of the line. */
  join(): Place {
    const place: Place = {};
    this.line.push(place);
    return place;
  }

  /** Resolves once `place` is first in line and no one holds the turn; it then holds it. */
  acquire(place: Place): Promise<void> {
    if (this.error) return Promise.reject(this.error);
    if (!this.line.includes(place)) this.line.push(place);
    if (!this.holder && this.line[0] === place) {
      this.holder = place;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      place.wake = resolve;
      place.reject = reject;
    });
  }

  /** `place` leaves the line (holding the turn or not); idempotent. */
  release(place: Place): void {
    const i = this.line.indexOf(place);
    if (i >= 0) this.line.splice(i, 1);
    if (this.holder === place) this.holder = undefined;
    this.pump();
  }

  /** `place` (not holding the turn) moves to the end of the line. */
  rejoin(place: Place): void {
    if (this.holder === place) return;
    const i = this.line.indexOf(place);
    if (i < 0) return;
    this.line.splice(i, 1);
    this.line.push(place);
    this.pump();
  }

  /** Rejects every place waiting, and every later acquire, with `error`. */
  fail(error: Error): void {
    this.error ??= error;
    for (const place of this.line.splice(0)) {
      const reject = place.reject;
      place.wake = place.reject = undefined;
      reject?.(this.error);
    }
  }

  private pump(): void {
    const head = this.line[0];
    if (this.holder || !head?.wake) return;
    this.holder = head;
    const wake = head.wake;
    head.wake = head.reject = undefined;
    wake();
  }
}
