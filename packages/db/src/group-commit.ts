/**
 * What became of each item of a batch, in the items' order: its result, or the error that
 * refused that item alone.
 */
export type ItemOutcomes<Result> = Array<PromiseSettledResult<Result>>;

export interface GroupCommitOptions {
  /** The most items written together. */
  maxBatch: number;
  /** How many batches may be written at the same time. */
  maxInFlight: number;
}

interface Waiting<Item, Result> {
  item: Item;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

/**
 * Writes concurrent requests together. While `maxInFlight` batches are being written, items
 * that arrive wait, and the first batch to finish takes the waiting ones (up to `maxBatch`) as
 * its next. A lone request is written at once, so nothing waits for company: batches only form
 * when requests already queue behind each other, and then one transaction's statements and
 * commit serve many.
 *
 * `write` answers every item of the batch it is given; if it throws, every item of that batch
 * is refused with the error.
 */
export class GroupCommit<Item, Result> {
  private readonly waiting: Array<Waiting<Item, Result>> = [];
  private inFlight = 0;

  constructor(
    private readonly write: (items: Item[]) => Promise<ItemOutcomes<Result>>,
    private readonly options: GroupCommitOptions,
  ) {}

  submit(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (this.inFlight < this.options.maxInFlight) void this.drain();
    });
  }

  /** Writes batch after batch until nothing waits; one such loop per batch in flight. */
  private async drain(): Promise<void> {
    this.inFlight += 1;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting.splice(0, this.options.maxBatch);
        let outcomes: ItemOutcomes<Result>;
        try {
          outcomes = await this.write(batch.map((waiting) => waiting.item));
        } catch (error) {
          for (const waiting of batch) waiting.reject(error);
          continue;
        }
        batch.forEach((waiting, index) => {
          const outcome = outcomes[index];
          if (!outcome) waiting.reject(new Error('The batch writer gave no answer for an item'));
          else if (outcome.status === 'fulfilled') waiting.resolve(outcome.value);
          else waiting.reject(outcome.reason);
        });
      }
    } finally {
      this.inFlight -= 1;
    }
  }
}
