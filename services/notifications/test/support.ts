import type { DeliveryRequest } from '@dash/contracts';

/** Ada's "your dashboard is ready" email in live mode, to `to`: the delivery tests' message. */
export const dashboardReadyEmail = (to = 'ada@example.com'): DeliveryRequest => ({
  accountId: 'acct_ada',
  livemode: true,
  channel: 'email',
  to,
  template: 'dashboard-ready',
  params: { name: 'Ada', platformName: 'Rocket Rides', url: 'http://localhost:9000' },
});
