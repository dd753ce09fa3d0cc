import type { AccountRef } from '@dash/contracts';
import type { PayoutsContext } from '../context.js';

/**
 * An account's payout schedule and bank accounts as this request reads them. The balance card
 * asks for the schedule, the bank accounts and the forecast (which needs both) at once: asked
 * here in the same tick, each is one statement for all of them — and for every account of a
 * platform's query of many. Nothing is kept past the tick (see RequestBatches).
 */
export const scheduleOf = (context: PayoutsContext, account: AccountRef) =>
  context.batches.forAccount('payoutSchedule', account, (accounts) =>
    context.schedules.getEach(accounts),
  );

export const destinationsOf = (context: PayoutsContext, account: AccountRef) =>
  context.batches.forAccount('externalAccounts', account, (accounts) =>
    context.externalAccounts.listEach(accounts),
  );
