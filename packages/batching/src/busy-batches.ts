export interface BusyBatchesOptions<Item> {
  /** The most a batch holds, counted with `sizeOf`; a batch always takes at least one item. */
  maxBatch: number;
  /** How many batches may be handled at the same time. */
  maxInFlight: number;
  /** How much of `maxBatch` an item takes: 1 unless said. */
  sizeOf?: (item: Item) => number;
  /** Called when the last batch is done and nothing waits (an owner may then forget it). */
  onIdle?: () => void;
}

/**
 * Hands concurrent items over in batches, only when they are already queueing. While fewer than
 * `maxInFlight` batches are being handled, an item goes at once (alone, if nothing waits with
 * it); items that arrive meanwhile wait, and the first batch to finish takes the waiting ones, up
 * to `maxBatch`, as its next. A quiet caller never waits for company.
 *
 * `handle` settles every item of its batch itself (each item carries its own way to answer) and
 * does not throw.
 */
export class BusyBatches<Item> {
  private readonly waiting: Item[] = [];
  private inFlight = 0;

  constructor(
    private readonly handle: (batch: Item[]) => Promise<void>,
    private readonly options: BusyBatchesOptions<Item>,
  ) {}

  add(item: Item): void {
    this.addAll([item]);
  }

  /**
   * Items that arrived together (a job's events): they fill batches at once, rather than the
   * first going alone and the rest queueing behind it.
   */
  addAll(items: readonly Item[]): void {
    this.waiting.push(...items);
    while (this.inFlight < this.options.maxInFlight && this.waiting.length > 0) void this.drain();
  }

  /** Handles batch after batch until nothing waits; one such loop per batch in flight. */
  private async drain(): Promise<void> {
    this.inFlight += 1;
    try {
      while (this.waiting.length > 0) await this.handle(this.nextBatch());
    } finally {
      this.inFlight -= 1;
      if (this.inFlight === 0 && this.waiting.length === 0) this.options.onIdle?.();
    }
  }

  private nextBatch(): Item[] {
    const sizeOf = this.options.sizeOf ?? (() => 1);
    let size = 0;
    let taken = 0;
    while (taken < this.waiting.length) {
      size += sizeOf(this.waiting[taken]!);
      if (taken > 0 && size > this.options.maxBatch) break;
      taken += 1;
    }
    return this.waiting.splice(0, taken);
  }
}
