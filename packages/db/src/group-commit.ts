import { BusyBatches } from '@dash/batching';

/** How a group commit writes: a batch whole, or one item alone. */
export interface BatchWriter<Item, Result> {
  /** Writes the whole batch, all or nothing (one transaction), answering each item in order. */
  all(items: Item[]): Promise<Result[]>;
  /** Writes one item alone: a lone item, or each item of a batch that could not go whole. */
  one(item: Item): Promise<Result>;
}

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
 * A batch that cannot be written whole (one of its items is refused, a race is lost) leaves
 * nothing behind, and each of its items is written again alone: every item gets the answer it
 * would have had by itself, and a refusal falls on its own item only.
 */
export class GroupCommit<Item, Result> {
  private readonly batches: BusyBatches<Waiting<Item, Result>>;

  constructor(
    private readonly writer: BatchWriter<Item, Result>,
    options: GroupCommitOptions,
  ) {
    this.batches = new BusyBatches((batch) => this.writeAndAnswer(batch), options);
  }

  submit(item: Item): Promise<Result> {
    return this.submitAll([item])[0]!;
  }

  /** Items that arrived together, written in full batches; each answered as if it came alone. */
  submitAll(items: readonly Item[]): Array<Promise<Result>> {
    const waiting: Array<Waiting<Item, Result>> = [];
    const answers = items.map(
      (item) => new Promise<Result>((resolve, reject) => waiting.push({ item, resolve, reject })),
    );
    this.batches.addAll(waiting);
    return answers;
  }

  private async writeAndAnswer(batch: Array<Waiting<Item, Result>>): Promise<void> {
    const outcomes = await this.write(batch.map((waiting) => waiting.item));
    batch.forEach((waiting, index) => {
      const outcome = outcomes[index];
      if (!outcome) waiting.reject(new Error('The batch writer gave no answer for an item'));
      else if (outcome.status === 'fulfilled') waiting.resolve(outcome.value);
      else waiting.reject(outcome.reason);
    });
  }

  private async write(items: Item[]): Promise<Array<PromiseSettledResult<Result>>> {
    if (items.length > 1) {
      try {
        const results = await this.writer.all(items);
        return results.map((value) => ({ status: 'fulfilled', value }));
      } catch {
        // Written one by one below.
      }
    }
    return Promise.allSettled(items.map((item) => this.writer.one(item)));
  }
}
