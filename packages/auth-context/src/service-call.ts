import type { SecretKeys } from '@dash/config';
import { CALLER_HEADER } from './caller.js';
import { signCaller } from './signing.js';

/**
 * One service calling another's internal route: a JSON POST signed as `service`, for the
 * `audience` service only (the only way through `/internal/*`). Returns the response as it came.
 */
export function postAsService(
  url: string | URL,
  body: unknown,
  options: { service: string; audience: string; secret: SecretKeys; timeoutMs?: number },
): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [CALLER_HEADER]: signCaller({ kind: 'service', service: options.service }, options.secret, {
        audience: options.audience,
      }),
    },
    body: JSON.stringify(body),
    ...(options.timeoutMs ? { signal: AbortSignal.timeout(options.timeoutMs) } : {}),
  });
}
