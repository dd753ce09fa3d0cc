import { describe, expect, it } from 'vitest';
import { GroupCommit, type BatchWriter } from '../src/index.js';

/**
 * A writer that keeps what it was given and answers when told to. A batch holding a negative
 * item is refused whole, as a transaction would be; a negative item alone is refused.
 */
function heldWriter() {
  const batches: number[][] = [];
  const alone: number[] = [];
  const release: Array<() => void> = [];
  const held = () => new Promise<void>((resolve) => release.push(resolve));
  const writer: BatchWriter<number, number> = {
    all: async (items) => {
      batches.push(items);
      await held();
      if (items.some((item) => item < 0)) throw new Error('the batch rolled back');
      return items.map((item) => item * 10);
    },
    one: async (item) => {
      alone.push(item);
      await held();
      if (item < 0) throw new Error(`refused ${item}`);
      return item * 10;
    },
  };
  const releaseAll = async () => {
    while (release.length > 0) {
      release.shift()!();
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { batches, alone, writer, releaseAll };
}

/** Releases the writer's held answers until every promise settled. */
async function settle<T>(promises: Array<Promise<T>>, releaseAll: () => Promise<void>) {
  let settled = false;
  const all = Promise.allSettled(promises).finally(() => (settled = true));
  while (!settled) await releaseAll();
  return all;
}

describe('GroupCommit', () => {
  it('writes a lone item at once, and what arrives meanwhile as the next batches', async () => {
    const held = heldWriter();
    const group = new GroupCommit(held.writer, { maxBatch: 4, maxInFlight: 1 });
    const first = group.submit(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(held.alone).toEqual([1]);
    const rest = Array.from({ length: 6 }, (_, index) => group.submit(index + 2));
    const outcomes = await settle([first, ...rest], held.releaseAll);
    expect(outcomes.map((outcome) => (outcome as PromiseFulfilledResult<number>).value)).toEqual([
      10, 20, 30, 40, 50, 60, 70,
    ]);
    // The six that queued behind the first went in batches of at most four, in order.
    expect(held.batches).toEqual([
      [2, 3, 4, 5],
      [6, 7],
    ]);
    expect(held.alone).toEqual([1]);
  });

  it('writes items submitted together in full batches, each answered and refused on its own', async () => {
    const held = heldWriter();
    const group = new GroupCommit(held.writer, { maxBatch: 4, maxInFlight: 1 });
    const answers = group.submitAll([1, 2, -3, 4, 5, 6]);
    const outcomes = await settle(answers, held.releaseAll);
    // The first batch was four, not one alone; the refused item's batch went again one by one.
    expect(held.batches).toEqual([
      [1, 2, -3, 4],
      [5, 6],
    ]);
    expect(held.alone).toEqual([1, 2, -3, 4]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
    expect((outcomes[5] as PromiseFulfilledResult<number>).value).toBe(60);
  });

  it('keeps at most maxInFlight batches being written at once', async () => {
    const held = heldWriter();
    const group = new GroupCommit(held.writer, { maxBatch: 2, maxInFlight: 2 });
    const answers = Array.from({ length: 9 }, (_, index) => group.submit(index));
    await new Promise((resolve) => setImmediate(resolve));
    // Two lone items went at once; the other seven wait for them.
    expect(held.alone.length + held.batches.length).toBe(2);
    await settle(answers, held.releaseAll);
    const written = [...held.alone, ...held.batches.flat()].sort((a, b) => a - b);
    expect(written).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(Math.max(...held.batches.map((batch) => batch.length))).toBe(2);
  });

  it('writes a refused batch again item by item: only the refused item fails', async () => {
    const held = heldWriter();
    const group = new GroupCommit(held.writer, { maxBatch: 8, maxInFlight: 1 });
    const blocker = group.submit(0);
    const mixed = [group.submit(5), group.submit(-1), group.submit(6)];
    const outcomes = await settle([blocker, ...mixed], held.releaseAll);
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect(held.batches).toEqual([[5, -1, 6]]);
    expect(held.alone).toEqual([0, 5, -1, 6]);
  });

  it('gives every item its own failure when nothing can be written, and keeps serving', async () => {
    const gone = async () => {
      throw new Error('database gone');
    };
    const group = new GroupCommit<number, number>(
      { all: gone, one: gone },
      { maxBatch: 8, maxInFlight: 1 },
    );
    const refused = await Promise.allSettled([group.submit(1), group.submit(2), group.submit(3)]);
    expect(refused.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected', 'rejected']);
    await expect(group.submit(4)).rejects.toThrow('database gone');
  });
});
