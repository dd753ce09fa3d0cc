import { z } from '@dash/config';

/**
 * The Router's external coprocessor protocol, version 1: the Router POSTs one JSON object per
 * stage of a client request and waits for the same object back, changed where it wants the
 * request changed (`headers`, `context`) or with `control: { break: <status> }` and a `body` to
 * answer the client at once. Only the fields our stages read are described; the others are
 * left out of the answer, which the Router reads as "unchanged".
 */
export const PROTOCOL_VERSION = 1;

/** The stages this coprocessor answers, and the only ones router.yaml may send it. */
export const STAGES = ['RouterRequest', 'SubgraphRequest'] as const;
export type Stage = (typeof STAGES)[number];

/** Where the sealed caller travels between the two stages in the Router's request context. */
export const CALLER_CONTEXT_KEY = 'dash::caller';

/** Header names to their values, as the Router sends them (each name may repeat). */
const routerHeaders = z.record(z.string(), z.array(z.string()));

export const coprocessorRequest = z.object({
  version: z.literal(PROTOCOL_VERSION),
  stage: z.enum(STAGES),
  control: z.literal('continue'),
  id: z.string().min(1).max(256),
  subgraphRequestId: z.string().max(256).optional(),
  headers: routerHeaders.default({}),
  context: z
    .looseObject({ entries: z.record(z.string(), z.unknown()).default({}) })
    .default({ entries: {} }),
  serviceName: z.string().optional(),
  method: z.string().optional(),
  /** RouterRequest only: the client's request body, read to count the operations of a batch. */
  body: z.string().optional(),
});

export type CoprocessorRequest = z.infer<typeof coprocessorRequest>;
export type RouterHeaders = z.infer<typeof routerHeaders>;

/** What the coprocessor answers: the control fields echoed, plus what it changed. */
export interface CoprocessorResponse {
  version: typeof PROTOCOL_VERSION;
  stage: Stage;
  id: string;
  subgraphRequestId?: string;
  serviceName?: string;
  control: 'continue' | { break: number };
  headers?: RouterHeaders;
  context?: CoprocessorRequest['context'];
  /** At the Router stages the body is a string: a JSON-encoded GraphQL response. */
  body?: string;
}

/** The control fields the Router requires back unchanged. */
export const echoOf = (request: CoprocessorRequest) => ({
  version: request.version,
  stage: request.stage,
  id: request.id,
  ...(request.subgraphRequestId !== undefined
    ? { subgraphRequestId: request.subgraphRequestId }
    : {}),
  ...(request.serviceName !== undefined ? { serviceName: request.serviceName } : {}),
});

/** Ends the client's request with `status` and one error in the GraphQL response shape. */
export function breakWith(
  request: CoprocessorRequest,
  status: number,
  error: { code: string; message: string; extensions?: Record<string, unknown> },
  headers?: RouterHeaders,
): CoprocessorResponse {
  return {
    ...echoOf(request),
    control: { break: status },
    body: JSON.stringify({
      errors: [{ message: error.message, extensions: { code: error.code, ...error.extensions } }],
    }),
    ...(headers ? { headers } : {}),
  };
}
