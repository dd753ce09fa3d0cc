import type { ServerResponse } from 'node:http';
import type { Caller } from '@dash/auth-context';

export interface GatewayContext {
  caller: Caller;
  requestId: string;
  clientIp: string;
  /** The browser's user agent (cut short), for notices such as "your email was changed". */
  userAgent?: string;
  /** The browser's response, where a new or ended session becomes a cookie. */
  response: ServerResponse;
  sessionToken?: string;
}
