import type { DataSource } from 'typeorm';
import { preparedRead } from '@dash/db';
import type { PayoutForecast, PayoutForecastRequest } from '@dash/contracts';
import type { Balance } from '../account/balance.type.js';
import type { Balances } from '../account/balances.service.js';
import { ledgerAccount } from '../postings/ledger-accounts.rules.js';

/**
 * What the payouts service asks before it shows an upcoming automatic payout or lets the last
 * bank account of a currency go: the currency's balance now, and what the payout debit would
 * pay out at a later moment. The debit's rule, projected: the available balance then (what is
 * available now plus pending money whose `availableOn` has come by then), or — when the rolling
 * delay holds recent money back — the unpaid transactions made before the cutoff, if less.
 */
export class PayoutForecasts {
  constructor(
    private readonly dataSource: DataSource,
    private readonly balances: Balances,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async forecast(request: PayoutForecastRequest): Promise<PayoutForecast> {
    const account = { accountId: request.accountId, livemode: request.livemode };
    const now = this.now();
    const at = new Date(Math.max(now.getTime(), Date.parse(request.at)));
    const balances = await this.balances.nowAndThen(account, now, at);
    const inCurrency = (moment: Balance[]) =>
      moment.find((balance) => balance.currency === request.currency);
    const current = inCurrency(balances.now);
    const then = inCurrency(balances.then)?.available ?? 0;
    // The transactions the debit would attach: unpaid, available by `at`, made before the cutoff.
    // As the debit counts them: an available one by what it put into the available balance (a
    // refund the reserve paid part of took less than its net), a pending one by the net it will
    // bring. Rolling-reserve holds of payments still pending are not foreseen.
    const [row] = await preparedRead<{ net: string | null }>(
      this.dataSource,
      `SELECT SUM(CASE WHEN bt.status = 'available'
           THEN (SELECT COALESCE(SUM(p.amount), 0) FROM postings p
                 WHERE p.balance_transaction_id = bt.id AND p.ledger_account = ?)
           ELSE bt.net END) AS net
       FROM balance_transactions bt
       WHERE account_id = ? AND livemode = ? AND currency = ? AND payout_id IS NULL
         AND type NOT IN ('topup', 'topup_reversal')
         AND (status = 'available' OR (status = 'pending' AND available_on <= ? AND type <> 'recovery_debit'))
         AND created_at < ?`,
      [
        ledgerAccount.available(account.accountId),
        account.accountId,
        account.livemode,
        request.currency,
        at,
        new Date(request.createdBefore),
      ],
    );
    const older = Number(row?.net ?? 0);
    const payable = older < then ? older : then;
    return {
      available: current?.available ?? 0,
      pending: current?.pending ?? 0,
      reserve: current?.reserve ?? 0,
      payable: Math.max(payable, 0),
    };
  }
}
