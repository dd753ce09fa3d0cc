/**
 * What the benchmarks share: their BENCH_* settings, running work from a fixed number of workers,
 * and percentiles.
 */

/** A numeric BENCH_* setting from the environment, or its default. */
export const benchSetting = (name: string, fallback: number) =>
  Number(process.env[name] ?? fallback);

/** Runs task(0) … task(count − 1), `limit` at a time, each worker taking the next index. */
export async function inParallel(
  count: number,
  limit: number,
  task: (index: number) => Promise<void>,
) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

/** The p-th percentile of ascending `sorted` (nearest rank, the highest for p = 100). */
export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
