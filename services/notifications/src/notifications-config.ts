import { httpUrl, loadConfig } from '@dash/config';
import { defaultSubgraphUrl, subgraphUrlVariable } from '@dash/contracts';

/** Where notifications finds identity (addresses, account owners) and the dashboard (links). */
export function loadNotificationsConfig(env: Record<string, string | undefined>) {
  const raw = loadConfig(
    {
      [subgraphUrlVariable('identity')]: httpUrl(defaultSubgraphUrl('identity')),
      DASH_DASHBOARD_URL: httpUrl('http://127.0.0.1:9000'),
    },
    env,
  ) as Record<string, string>;
  return {
    identityUrl: raw[subgraphUrlVariable('identity')]!,
    dashboardUrl: raw.DASH_DASHBOARD_URL!,
  };
}
