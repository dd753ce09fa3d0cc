import {
  PAYOUT_DEBIT_PATH,
  PAYOUT_FORECAST_PATH,
  PAYOUT_REVERSAL_PATH,
  type PayoutDebit,
  type PayoutDebitRequest,
  type PayoutForecast,
  type PayoutForecastRequest,
  type PayoutReversalRequest,
} from '@dash/contracts';
import type { SecretKeys } from '@dash/config';
import { callService } from '@dash/subgraph';

/** The ledger's payout commands and questions, called as the payouts service. */
export class LedgerClient {
  constructor(
    private readonly ledgerUrl: string,
    private readonly internalSecret: SecretKeys,
  ) {}

  debit(request: PayoutDebitRequest): Promise<PayoutDebit> {
    return this.call(PAYOUT_DEBIT_PATH, request);
  }

  reverse(request: PayoutReversalRequest): Promise<PayoutDebit> {
    return this.call(PAYOUT_REVERSAL_PATH, request);
  }

  /** A currency's balance now, and what an automatic payout at `request.at` would pay out. */
  forecast(request: PayoutForecastRequest): Promise<PayoutForecast> {
    return this.call(PAYOUT_FORECAST_PATH, request);
  }

  private call<Answer>(path: string, body: unknown): Promise<Answer> {
    return callService<Answer>(new URL(path, this.ledgerUrl), body, {
      service: 'payouts',
      audience: 'ledger',
      secret: this.internalSecret,
    });
  }
}
