import { TZDate } from '@date-fns/tz';
import { addDays } from 'date-fns/addDays';
import { addHours } from 'date-fns/addHours';
import { addMonths } from 'date-fns/addMonths';
import { addWeeks } from 'date-fns/addWeeks';
import { startOfDay } from 'date-fns/startOfDay';
import { startOfHour } from 'date-fns/startOfHour';
import { startOfMonth } from 'date-fns/startOfMonth';
import { startOfWeek } from 'date-fns/startOfWeek';

/** The chart's intervals and the bucket each is drawn in. */
export const EARNINGS_RANGES = {
  last_24_hours: 'hour',
  last_7_days: 'day',
  last_4_weeks: 'day',
  last_3_months: 'day',
  last_year: 'week',
  lifetime: 'month',
} as const;
export type EarningsRange = keyof typeof EARNINGS_RANGES;
type Unit = (typeof EARNINGS_RANGES)[EarningsRange];

const STEP: Record<Unit, (date: TZDate, amount: number) => TZDate> = {
  hour: addHours,
  day: addDays,
  week: addWeeks,
  month: addMonths,
};
// Weeks start on Monday (ISO 8601), whatever the reader's language.
const START_OF: Record<Unit, (date: TZDate) => TZDate> = {
  hour: startOfHour,
  day: startOfDay,
  week: (date) => startOfWeek(date, { weekStartsOn: 1 }),
  month: startOfMonth,
};
const LENGTH: Record<Exclude<EarningsRange, 'lifetime'>, number> = {
  last_24_hours: 24,
  last_7_days: 7,
  last_4_weeks: 28,
  last_3_months: 0, // three calendar months, not a fixed count of days (see below)
  last_year: 52,
};

export interface EarningsWindow {
  unit: Unit;
  /** Bucket starts of this period, oldest first, and where it ends. */
  readonly starts: readonly Date[];
  readonly end: Date;
  /** The period just before, of the same length, for comparison; empty for lifetime. */
  readonly previousStarts: readonly Date[];
}

/** Zone-aware dates do the arithmetic; plain instants leave the domain. */
const plain = (date: TZDate) => new Date(date.getTime());

function bucketStarts(unit: Unit, from: TZDate, to: TZDate): Date[] {
  const starts: Date[] = [];
  for (let at = from; at < to; at = STEP[unit](at, 1)) starts.push(plain(at));
  return starts;
}

/**
 * Windows already worked out, by range, zone and the bucket that holds `now`: every reader in a
 * zone shares one until that bucket ends. Working one out steps through up to two years of
 * zone-aware dates, which measured as 6% of the ledger's CPU in the dashboard benchmark.
 */
const windows = new Map<string, EarningsWindow>();
const KEPT_WINDOWS = 1_000;

/**
 * The buckets of a range in the reader's time zone, ending with the one that holds `now`:
 * days start at local midnight (23 or 25 hours long across a daylight-saving change), months on
 * the 1st. `firstActivity` starts the lifetime range. The window is shared: never change it.
 */
export function earningsWindow(
  range: EarningsRange,
  now: Date,
  timeZone: string,
  firstActivity: Date | null,
): EarningsWindow {
  const unit = EARNINGS_RANGES[range];
  const end = STEP[unit](START_OF[unit](new TZDate(now.getTime(), timeZone)), 1);
  const first =
    range === 'lifetime'
      ? START_OF.month(new TZDate((firstActivity ?? now).getTime(), timeZone))
      : undefined;
  const key = `${range} ${timeZone} ${end.getTime()} ${first?.getTime() ?? ''}`;
  let window = windows.get(key);
  if (!window) {
    window = windowOf(range, end, first);
    // Oldest first out: a Map iterates in insertion order.
    if (windows.size >= KEPT_WINDOWS) windows.delete(windows.keys().next().value!);
    windows.set(key, window);
  }
  return window;
}

function windowOf(range: EarningsRange, end: TZDate, first: TZDate | undefined): EarningsWindow {
  const unit = EARNINGS_RANGES[range];
  if (range === 'lifetime')
    return freeze({
      unit,
      starts: bucketStarts(unit, first!, end),
      end: plain(end),
      previousStarts: [],
    });
  const back = (date: TZDate) =>
    range === 'last_3_months' ? addMonths(date, -3) : STEP[unit](date, -LENGTH[range]);
  const start = back(end);
  return freeze({
    unit,
    starts: bucketStarts(unit, start, end),
    end: plain(end),
    previousStarts: bucketStarts(unit, back(start), start),
  });
}

const freeze = (window: EarningsWindow): EarningsWindow => {
  Object.freeze(window.starts);
  Object.freeze(window.previousStarts);
  return Object.freeze(window);
};

export interface EarningsBucket {
  start: Date;
  net: number;
}

/** Index of the bucket holding `at`, or -1: the last start not after it. */
function bucketIndex(starts: readonly Date[], at: number, end: number): number {
  if (starts.length === 0 || at < starts[0]!.getTime() || at >= end) return -1;
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (starts[middle]!.getTime() <= at) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * Sums hourly rollup rows (UTC hours) into the window's buckets. An hour belongs to the bucket
 * its start falls in; in zones offset by half an hour the hour straddles two local buckets and
 * counts in the one it starts in.
 */
export function bucketEarnings(
  window: EarningsWindow,
  hours: ReadonlyArray<{ hour: Date; net: number }>,
): { buckets: EarningsBucket[]; previous: EarningsBucket[] } {
  const buckets = window.starts.map((start) => ({ start, net: 0 }));
  const previous = window.previousStarts.map((start) => ({ start, net: 0 }));
  const previousEnd = window.starts[0]?.getTime() ?? 0;
  for (const { hour, net } of hours) {
    const at = hour.getTime();
    const current = bucketIndex(window.starts, at, window.end.getTime());
    if (current >= 0) buckets[current]!.net += net;
    else {
      const before = bucketIndex(window.previousStarts, at, previousEnd);
      if (before >= 0) previous[before]!.net += net;
    }
  }
  return { buckets, previous };
}
