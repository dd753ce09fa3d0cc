import type { DataSource } from 'typeorm';
import type { AccountRef } from '@dash/contracts';
import { preparedRead } from '@dash/db';
import { DashError } from '@dash/errors';
import type { AccountDirectory } from '@dash/subgraph';
import type { ExternalAccount } from '../external-account/external-account.entity.js';
import { expectedArrival } from '../payout/arrival.rules.js';
import type { LedgerClient } from '../payout/ledger-client.service.js';
import { maskedDestination } from '../payout/payout-facts.rules.js';
import { nextScheduledRun, startOfScheduleDay } from './forecast.rules.js';
import type { PayoutForecast } from './payout-forecast.type.js';
import type { PayoutScheduleRule } from './schedule.rules.js';

/**
 * The next scheduled payout of each currency with a default destination: its day from the
 * schedule, its amount from the ledger (what the payout debit would take then), its arrival by
 * business days and the bank's country's holidays. Nothing for manual schedules, while payouts
 * are off, or where nothing would be paid out.
 */
export class PayoutForecasts {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: Pick<LedgerClient, 'forecast'>,
    private readonly capabilities: Pick<AccountDirectory, 'requirePayoutsEnabled'>,
    private readonly businessDays: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** `rule` and `destinations`: the account's schedule and bank accounts, as the caller read them. */
  async forecast(
    account: AccountRef,
    rule: PayoutScheduleRule,
    destinations: readonly ExternalAccount[],
  ): Promise<PayoutForecast[]> {
    if (rule.interval === 'manual') return [];
    const defaults = destinations.filter((destination) => destination.defaultFor !== null);
    if (defaults.length === 0 || !(await this.payoutsOn(account))) return [];
    const now = this.now();
    const paidToday = await this.paidSince(account, startOfScheduleDay(rule, now));
    const forecasts = await Promise.all(
      defaults.map(async (destination): Promise<PayoutForecast | null> => {
        const run = nextScheduledRun(rule, now, paidToday.has(destination.currency));
        if (!run) return null;
        const { payable } = await this.ledger.forecast({
          accountId: account.accountId,
          livemode: account.livemode,
          currency: destination.currency,
          at: run.at.toISOString(),
          createdBefore: run.cutoff.toISOString(),
        });
        if (payable <= 0) return null;
        return {
          currency: destination.currency,
          amount: payable,
          payoutDate: run.day,
          arrivalDate: expectedArrival(run.at, {
            method: 'standard',
            country: destination.country,
            timeZone: rule.timeZone,
            businessDays: this.businessDays,
          }),
          destination: maskedDestination(destination),
        };
      }),
    );
    return forecasts.filter((forecast) => forecast !== null);
  }

  /** Payouts held by identity's requirements make no scheduled payout until they are back. */
  private async payoutsOn(account: AccountRef): Promise<boolean> {
    try {
      await this.capabilities.requirePayoutsEnabled(account.accountId);
      return true;
    } catch (error) {
      if (error instanceof DashError && error.extensions.reason === 'ACCOUNT_PAYOUTS_DISABLED')
        return false;
      throw error;
    }
  }

  /** The currencies of the automatic payouts made since `since` (today's, in the schedule's zone). */
  private async paidSince(account: AccountRef, since: Date): Promise<Set<string>> {
    const rows = await preparedRead<{ currency: string }>(
      this.dataSource,
      `SELECT DISTINCT currency FROM payouts
       WHERE account_id = ? AND platform_id = ? AND livemode = ? AND automatic = TRUE
         AND created_at >= ?`,
      [account.accountId, account.platformId, account.livemode, since],
    );
    return new Set(rows.map((row) => row.currency));
  }
}
