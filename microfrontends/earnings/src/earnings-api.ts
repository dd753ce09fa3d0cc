import type { GraphqlClient } from '@dash/web-kit';
import { graphql } from './generated/index.js';
import type { EarningsQuery, EarningsRange } from './generated/graphql.js';

export const RANGES = [
  'last_24_hours',
  'last_7_days',
  'last_4_weeks',
  'last_3_months',
  'last_year',
  'lifetime',
] as const satisfies readonly EarningsRange[];
export type Range = (typeof RANGES)[number];

/** How each range's buckets read on the axis. */
export const BUCKET_LABEL: Record<Range, Intl.DateTimeFormatOptions> = {
  last_24_hours: { hour: '2-digit', minute: '2-digit' },
  last_7_days: { weekday: 'short', day: 'numeric' },
  last_4_weeks: { month: 'short', day: 'numeric' },
  last_3_months: { month: 'short', day: 'numeric' },
  last_year: { month: 'short', day: 'numeric' },
  lifetime: { month: 'short', year: 'numeric' },
};

const EARNINGS = graphql(`
  query Earnings($range: EarningsRange!, $currency: String!, $timeZone: String!) {
    me {
      id
      earnings(range: $range, currency: $currency, timeZone: $timeZone) {
        currency
        total
        previousTotal
        buckets {
          start
          net
        }
        previous {
          start
          net
        }
      }
    }
  }
`);

export type EarningsData = NonNullable<EarningsQuery['me']['earnings']>;

/** The chart's call, one range at a time (the currency is the shared session's). */
export function earningsApi(client: GraphqlClient) {
  return {
    earnings: async (range: Range, currency: string, timeZone: string) =>
      (await client.query(EARNINGS, { range, currency, timeZone })).me.earnings,
  };
}

/** The change against the period before, in percent; null when there is nothing to compare. */
export function changeAgainst(total: number, previousTotal: number | null): number | null {
  if (previousTotal === null || previousTotal === 0) return null;
  return ((total - previousTotal) / Math.abs(previousTotal)) * 100;
}
