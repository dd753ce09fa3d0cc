import DataLoader from 'dataloader';
import type { AccountRef } from '@dash/contracts';

/** The most accounts one batched read asks for (the gateway merges up to 100 into one call). */
const MAX_BATCH = 100;

/**
 * One request's reads of the same field for many accounts, done with one statement. A platform's
 * concurrent queries for many accounts reach a subgraph as one `_entities` call (the gateway
 * merges them), and each account's field would otherwise be a statement of its own.
 *
 * One instance per request, and nothing is kept past the tick a read was asked in: an answer
 * never outlives its request or reaches another caller.
 */
export class RequestBatches {
  private readonly loaders = new Map<string, DataLoader<AccountRef, unknown>>();

  /**
   * `account`'s value, read by `readAll` together with every other account the request asks
   * `field` of in the same tick. `field` names the read and every argument it depends on (two
   * reads under one name must be the same read); accounts of another tenant or mode (never in
   * practice: a request has one caller) go in a batch of their own, so `readAll` is handed one
   * tenant's accounts in one mode and answers each, in order.
   */
  forAccount<Value>(
    field: string,
    account: AccountRef,
    readAll: (accounts: readonly AccountRef[]) => Promise<readonly Value[]>,
  ): Promise<Value> {
    const name = `${field}\u0000${account.platformId}\u0000${account.livemode}`;
    let loader = this.loaders.get(name) as DataLoader<AccountRef, Value> | undefined;
    if (!loader) {
      loader = new DataLoader<AccountRef, Value>(readAll, {
        cache: false,
        maxBatchSize: MAX_BATCH,
      });
      this.loaders.set(name, loader as DataLoader<AccountRef, unknown>);
    }
    return loader.load(account);
  }
}
