import { describe, expect, it } from 'vitest';
import { GroupCommit, type ItemOutcomes } from '../src/index.js';

/** A writer that keeps the batches it was given and answers when told to. */
function heldWriter() {
  const batches: number[][] = [];
  const release: Array<() => void> = [];
  const write = async (items: number[]): Promise<ItemOutcomes<number>> => {
    batches.push(items);
    await new Promise<void>((resolve) => release.push(resolve));
    return items.map((item) =>
      item < 0
        ? { status: 'rejected', reason: new Error(`refused ${item}`) }
        : { status: 'fulfilled', value: item * 10 },
    );
  };
  const releaseAll = async () => {
    while (release.length > 0) {
      release.shift()!();
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  return { batches, write, releaseAll };
}

describe('GroupCommit', () => {
  it('writes a lone item at once, and what arrives meanwhile as the next batches', async () => {
    const writer = heldWriter();
    const group = new GroupCommit(writer.write, { maxBatch: 4, maxInFlight: 1 });
    const first = group.submit(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(writer.batches).toEqual([[1]]);
    const rest = Array.from({ length: 6 }, (_, index) => group.submit(index + 2));
    let settled = false;
    const all = Promise.all([first, ...rest]).finally(() => (settled = true));
    while (!settled) await writer.releaseAll();
    expect(await all).toEqual([10, 20, 30, 40, 50, 60, 70]);
    // The six that queued behind the first went in batches of at most four, in order.
    expect(writer.batches).toEqual([[1], [2, 3, 4, 5], [6, 7]]);
  });

  it('keeps at most maxInFlight batches being written at once', async () => {
    const writer = heldWriter();
    const group = new GroupCommit(writer.write, { maxBatch: 2, maxInFlight: 2 });
    const answers = Array.from({ length: 9 }, (_, index) => group.submit(index));
    await new Promise((resolve) => setImmediate(resolve));
    expect(writer.batches.length).toBe(2);
    let settled = false;
    const all = Promise.all(answers).finally(() => (settled = true));
    while (!settled) await writer.releaseAll();
    await all;
    expect(writer.batches.flat().sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(Math.max(...writer.batches.map((batch) => batch.length))).toBe(2);
  });

  it('gives each item its own outcome, and a failed batch its error to every item', async () => {
    const writer = heldWriter();
    const group = new GroupCommit(writer.write, { maxBatch: 8, maxInFlight: 1 });
    const blocker = group.submit(0);
    const mixed = [group.submit(5), group.submit(-1), group.submit(6)];
    let settled = false;
    const all = Promise.allSettled([blocker, ...mixed]).finally(() => (settled = true));
    while (!settled) await writer.releaseAll();
    expect((await all).map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);

    const failing = new GroupCommit<number, number>(
      async () => {
        throw new Error('database gone');
      },
      { maxBatch: 8, maxInFlight: 1 },
    );
    const refused = await Promise.allSettled([failing.submit(1), failing.submit(2)]);
    expect(refused.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    // It keeps serving after a failure.
    await expect(failing.submit(3)).rejects.toThrow('database gone');
  });
});
