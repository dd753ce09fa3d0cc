import type { Router } from 'express';
import type { SecretKeys } from '@dash/config';
import { PAYOUT_FORECAST_PATH, type PayoutForecastRequest } from '@dash/contracts';
import { z } from '@dash/config';
import { internalCommand } from '@dash/subgraph';
import { currency, id } from '../postings/internal-bodies.input.js';
import type { PayoutForecasts } from './payout-forecasts.service.js';

const forecastBody = z.object({
  accountId: id,
  livemode: z.boolean(),
  currency,
  at: z.iso.datetime(),
  createdBefore: z.iso.datetime(),
}) satisfies z.ZodType<PayoutForecastRequest>;

/** The payouts service's question: a currency's balance, and what a payout then would take. */
export const payoutForecastRoute = (secret: SecretKeys, forecasts: PayoutForecasts): Router =>
  internalCommand(PAYOUT_FORECAST_PATH, secret, ['payouts'], forecastBody, (body) =>
    forecasts.forecast(body),
  );
