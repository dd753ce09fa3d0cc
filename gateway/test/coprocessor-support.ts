import { randomUUID } from 'node:crypto';
import { createLogger } from '@dash/logger';
import type { GatewayConfig } from '../src/config.js';
import { startCoprocessor, type RunningCoprocessor } from '../src/coprocessor/index.js';
import { testGatewayConfig } from './support.js';

/** A coprocessor on a free port, asking the given identity, sharing `redisPrefix`. */
export function startTestCoprocessor(
  identityUrl: string,
  redisPrefix: string,
  overrides: Partial<GatewayConfig> = {},
): Promise<RunningCoprocessor> {
  return startCoprocessor(testGatewayConfig({ identity: identityUrl }, redisPrefix, overrides), {
    log: createLogger('coprocessor', process.env.LOG_LEVEL ?? 'silent'),
  });
}

export interface StageAnswer {
  status: number;
  json: {
    version?: number;
    stage?: string;
    id?: string;
    control?: 'continue' | { break: number };
    headers?: Record<string, string[]>;
    context?: { entries: Record<string, unknown> };
    body?: string;
    error?: { code: string; message: string };
  };
}

/** POSTs one stage to the coprocessor as the Router does. */
export async function sendStage(url: string, payload: unknown): Promise<StageAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
  return { status: response.status, json: (await response.json()) as StageAnswer['json'] };
}

const asRouterHeaders = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, [value]]));

/** A RouterRequest as the Router sends it with router.yaml's settings (headers, context). */
export const routerRequest = (headers: Record<string, string>, id = randomUUID()) => ({
  version: 1,
  stage: 'RouterRequest',
  control: 'continue',
  id,
  headers: asRouterHeaders({
    'content-type': 'application/json',
    host: '127.0.0.1:4000',
    ...headers,
  }),
  context: { entries: { 'accepts-json': true, 'accepts-multipart': false } },
});

/** A SubgraphRequest for `serviceName` carrying the context RouterRequest answered. */
export const subgraphRequest = (
  id: string,
  serviceName: string,
  context: unknown,
  headers: Record<string, string> = {},
) => ({
  version: 1,
  stage: 'SubgraphRequest',
  control: 'continue',
  id,
  subgraphRequestId: randomUUID(),
  headers: asRouterHeaders({ 'content-type': 'application/json', ...headers }),
  context,
  serviceName,
  uri: 'http://127.0.0.1:4001/graphql',
  method: 'POST',
});

/** The GraphQL error code of a break's body. */
export const codeOf = (answer: StageAnswer) =>
  (JSON.parse(answer.json.body ?? '{}') as { errors?: Array<{ extensions?: { code?: string } }> })
    .errors?.[0]?.extensions?.code;

/** The Router headers as a fetch header list (first value of each). */
export const fetchHeadersOf = (headers: Record<string, string[]> = {}) =>
  Object.fromEntries(Object.entries(headers).map(([name, values]) => [name, values[0]!]));
