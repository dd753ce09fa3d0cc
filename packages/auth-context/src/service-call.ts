import { request } from 'undici';
import type { SecretKeys } from '@dash/config';
import { CALLER_HEADER } from './caller.js';
import { signCaller } from './signing.js';

/** What another service's internal route answered: its status, and its body read whole. */
export interface ServiceAnswer {
  status: number;
  ok: boolean;
  /** The body as JSON; rejects when it is not. */
  json(): Promise<unknown>;
}

/**
 * One service calling another's internal route: a JSON POST signed as `service`, for the
 * `audience` service only (the only way through `/internal/*`).
 *
 * Through undici's keep-alive pool rather than fetch: these calls sit on hot paths (the gateway
 * asking identity who holds a new session, a balance card's forecast asked of the ledger), and
 * fetch's request and response objects and web streams cost more than the call itself. The body
 * is read whole here, so every connection goes back to the pool whatever the caller does with it.
 */
export async function postAsService(
  url: string | URL,
  body: unknown,
  options: { service: string; audience: string; secret: SecretKeys; timeoutMs?: number },
): Promise<ServiceAnswer> {
  const response = await request(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [CALLER_HEADER]: signCaller({ kind: 'service', service: options.service }, options.secret, {
        audience: options.audience,
      }),
    },
    body: JSON.stringify(body),
    ...(options.timeoutMs
      ? { headersTimeout: options.timeoutMs, bodyTimeout: options.timeoutMs }
      : {}),
  });
  const text = await response.body.text();
  return {
    status: response.statusCode,
    ok: response.statusCode >= 200 && response.statusCode <= 299,
    json: async () => JSON.parse(text) as unknown,
  };
}
