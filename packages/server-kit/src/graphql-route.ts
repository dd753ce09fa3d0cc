import { parse as parseUrl } from 'node:url';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import { withRequestId, type Logger } from '@dash/logger';
import { admitBatch, type BatchingOptions } from './batch-admission.js';
import type { PlainExecution } from './plain-execution.js';
import { bodyRefusal, graphqlRefusal, refusalFor, writeJson } from './json-errors.js';
import { assignRequestId, type TrustsRequestId } from './request-id.js';

/** What a guard is handed to go on: nothing, or the error that stops the request. */
export type GuardNext = (error?: unknown) => void;

/**
 * A check run before anything else on a request (limits, CORS). Written against Node's own
 * request and response, so the same guard runs on the GraphQL route and on the Express routes.
 */
export type Guard = (
  req: IncomingMessage,
  res: ServerResponse,
  next: GuardNext,
) => void | Promise<void>;

/** The most a GraphQL request body may hold. */
export const GRAPHQL_BODY_LIMIT_BYTES = 1024 * 1024;

interface GraphqlRouteOptions<Context extends BaseContext> {
  apollo: ApolloServer<Context>;
  /** Answers the operations it can without Apollo's pipeline (a subgraph's), when given. */
  plain: PlainExecution | undefined;
  trustsRequestId: TrustsRequestId | undefined;
  guards: Guard[];
  /** Lists of operations are taken when set (see BatchingOptions); refused otherwise. */
  batching: BatchingOptions | undefined;
  context: (request: IncomingMessage, response: ServerResponse) => Promise<Context>;
  log: Logger;
}

/**
 * Serves `POST /graphql` with a JSON body straight from Node's request. Express's layers (its
 * router, the JSON body parser, the Apollo integration, `res.send`) cost about as much as a small
 * subgraph operation itself, and every page of the dashboard is a dozen of these requests between
 * the gateway and the subgraphs. Returns false for any other request (a GET, another path, a
 * compressed or non-UTF-8 body), which Express then serves with its full handling.
 */
export function graphqlRoute<Context extends BaseContext>(
  options: GraphqlRouteOptions<Context>,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    if (!isPlainJsonPost(req)) return false;
    const requestId = assignRequestId(req, res, options.trustsRequestId);
    withRequestId(requestId, () => {
      serve(req, res, options).catch((error: unknown) => {
        // Answered as the Express routes answer: a refused body, a lost race, or no detail.
        const { status, refusal } = refusalFor(error, options.log, '/graphql');
        if (res.headersSent) return void res.destroy();
        writeJson(res, status, graphqlRefusal(requestId, refusal));
      });
    });
    return true;
  };
}

/** A request's path without its query string (what Express calls `req.path`). */
export const pathOf = (req: IncomingMessage): string => (req.url ?? '').split('?', 1)[0]!;

/** The requests this route takes; Express's parser has answers for every other kind of body. */
function isPlainJsonPost(req: IncomingMessage): boolean {
  if (req.method !== 'POST' || pathOf(req) !== '/graphql') return false;
  const encoding = req.headers['content-encoding'];
  if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return false;
  const type = req.headers['content-type']?.toLowerCase().replace(/\s+/g, '');
  return type === 'application/json' || type === 'application/json;charset=utf-8';
}

async function serve<Context extends BaseContext>(
  req: IncomingMessage,
  res: ServerResponse,
  options: GraphqlRouteOptions<Context>,
): Promise<void> {
  for (const guard of options.guards) {
    const passed = await runGuard(guard, req, res);
    if (!passed) return;
  }
  const body = await readJsonBody(req);
  if (!(await admitBatch(body, req, res, options.batching))) return;
  if (
    options.plain &&
    (await options.plain.answer(body, req, res, () => options.context(req, res)))
  )
    return;
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers))
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  const response = await options.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: {
      method: 'POST',
      headers,
      search: parseUrl(req.url ?? '').search ?? '',
      body,
    },
    context: () => options.context(req, res),
  });
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/** Runs one guard; true when it let the request go on, false when it answered it. */
function runGuard(guard: Guard, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  return new Promise<boolean>((resolve, reject) => {
    const next: GuardNext = (error) => (error === undefined ? resolve(true) : reject(error));
    Promise.resolve(guard(req, res, next)).then(() => {
      // A guard that answered the request never calls next.
      if (res.writableEnded) resolve(false);
    }, reject);
  });
}

/** The body as JSON; a body it refuses throws as Express's JSON parser would (see bodyRefusal). */
async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const raw = await readBody(req);
  if (raw === 'too large') throw bodyRefusal('entity.too.large', 413);
  if (raw === 'cut off') throw bodyRefusal('request.aborted', 400);
  const text = raw.toString('utf8');
  // As Express's parser: an empty body is an empty object, and only an object or a list is JSON.
  if (text.trim() === '') return {};
  const first = text.trimStart()[0];
  try {
    if (first !== '{' && first !== '[') throw new SyntaxError('not an object or a list');
    return JSON.parse(text) as unknown;
  } catch {
    throw bodyRefusal('entity.parse.failed', 400);
  }
}

/**
 * The body's bytes, or why there are none. Over the limit it answers at once and reads the rest
 * away unkept, so a client sending too much hears why instead of a reset connection.
 */
function readBody(req: IncomingMessage): Promise<Buffer | 'too large' | 'cut off'> {
  return new Promise((resolve) => {
    if (Number(req.headers['content-length'] ?? 0) > GRAPHQL_BODY_LIMIT_BYTES) {
      req.resume();
      return resolve('too large');
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (size > GRAPHQL_BODY_LIMIT_BYTES) return;
      size += chunk.length;
      if (size > GRAPHQL_BODY_LIMIT_BYTES) {
        chunks.length = 0;
        resolve('too large');
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    req.on('error', () => resolve('cut off'));
    req.on('aborted', () => resolve('cut off'));
  });
}
