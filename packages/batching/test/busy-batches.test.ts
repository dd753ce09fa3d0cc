import { describe, expect, it } from 'vitest';
import { BusyBatches } from '../src/index.js';

/** A handler that keeps each batch and finishes it only when told to. */
function heldHandler() {
  const batches: string[][] = [];
  const release: Array<() => void> = [];
  const handle = (batch: string[]) =>
    new Promise<void>((done) => {
      batches.push(batch);
      release.push(done);
    });
  const releaseAll = async () => {
    while (release.length > 0) {
      release.shift()!();
      await new Promise((settle) => setImmediate(settle));
    }
  };
  return { batches, handle, releaseAll };
}

describe('BusyBatches', () => {
  it('hands an item over at once while there is room, and batches what waits', async () => {
    const held = heldHandler();
    const batches = new BusyBatches(held.handle, { maxBatch: 3, maxInFlight: 2 });
    batches.add('a');
    batches.add('b');
    // Two batches in flight: these wait.
    for (const item of ['c', 'd', 'e', 'f']) batches.add(item);
    expect(held.batches).toEqual([['a'], ['b']]);
    await held.releaseAll();
    expect(held.batches).toEqual([['a'], ['b'], ['c', 'd', 'e'], ['f']]);
  });

  it('fills batches with items handed over together, across the room there is', async () => {
    const held = heldHandler();
    const batches = new BusyBatches(held.handle, { maxBatch: 3, maxInFlight: 2 });
    batches.addAll(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
    // Both batches in flight at once and full; one added alone did not go alone.
    expect(held.batches).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
    ]);
    await held.releaseAll();
    expect(held.batches).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e', 'f'],
      ['g', 'h'],
    ]);
  });

  it('counts a batch with sizeOf, and takes an item bigger than the limit alone', async () => {
    const held = heldHandler();
    const batches = new BusyBatches(held.handle, {
      maxBatch: 5,
      maxInFlight: 1,
      sizeOf: (item: string) => item.length,
    });
    for (const item of ['x', 'aa', 'bbb', 'cc', 'dddddddd', 'e']) batches.add(item);
    await held.releaseAll();
    expect(held.batches).toEqual([['x'], ['aa', 'bbb'], ['cc'], ['dddddddd'], ['e']]);
  });

  it('says when it is idle: nothing in flight and nothing waiting', async () => {
    const held = heldHandler();
    let idle = 0;
    const batches = new BusyBatches(held.handle, {
      maxBatch: 10,
      maxInFlight: 2,
      onIdle: () => (idle += 1),
    });
    batches.add('a');
    batches.add('b');
    batches.add('c');
    expect(idle).toBe(0);
    await held.releaseAll();
    expect(held.batches).toEqual([['a'], ['b'], ['c']]);
    expect(idle).toBe(1);
  });
});
