import type { Caller } from '@dash/auth-context';

export interface GatewayContext {
  caller: Caller;
  requestId: string;
}
