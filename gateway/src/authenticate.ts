import type { IncomingMessage } from 'node:http';
import { ANONYMOUS, type Caller } from '@dash/auth-context';
import type { GatewayConfig } from './config.js';

/**
 * Decides who is calling, once per request, at the edge. Today it knows only the development
 * account; dashboard sessions and platform API keys plug in here, and nothing downstream changes
 * because subgraphs only ever see the signed result.
 */
export function authenticate(
  _request: IncomingMessage,
  config: Pick<GatewayConfig, 'devAccount'>,
): Caller {
  if (config.devAccount) return { kind: 'account', ...config.devAccount, livemode: false };
  return ANONYMOUS;
}
