import type { ServerResponse } from 'node:http';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import { DUPLICATE_MESSAGE, isDuplicateKey } from '@dash/errors';
import { currentRequestId, type Logger } from '@dash/logger';
import { requestIdOf } from './request-id.js';

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/**
 * Every GraphQL error names the request it belongs to (`extensions.requestId`), so a caller
 * reporting an error hands over the id that finds its log lines and trace.
 */
export function withRequestIdOf(format: FormatError): FormatError {
  return (formatted, error) => {
    const result = format(formatted, error);
    const requestId = currentRequestId();
    return requestId ? { ...result, extensions: { ...result.extensions, requestId } } : result;
  };
}

/** What Express's body parsers attach to the errors they pass on. */
interface HttpError {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
}

/** The sentence for a request a parser refused, by the parser's error type. */
const REFUSALS: Record<string, string> = {
  'entity.parse.failed': 'The request body is not valid JSON.',
  'entity.too.large': 'The request body is too large.',
  'encoding.unsupported': 'The request body has an unsupported encoding.',
  'charset.unsupported': 'The request body has an unsupported charset.',
  'request.aborted': 'The request was cut off.',
};

type Refusal = { code: string; message: string; field?: string };

/** A refusal in the shape GraphQL clients read: `{ errors: [{ message, extensions }] }`. */
export function graphqlRefusal(requestId: string | undefined, { code, message, field }: Refusal) {
  const extensions = { code, ...(field ? { field } : {}), ...(requestId ? { requestId } : {}) };
  return { errors: [{ message, extensions }] };
}

/** Writes a JSON answer with Node's response alone (Express's helpers are not needed). */
export function writeJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(text));
  res.end(text);
}

/**
 * GraphQL clients read `{ errors: [...] }`; the file and internal routes answer `{ error }`. A
 * refusal is written in the shape its path's clients read.
 */
function send(
  req: Parameters<RequestHandler>[0],
  res: Parameters<RequestHandler>[1],
  path: string,
  status: number,
  refusal: Refusal,
) {
  const { code, message, field } = refusal;
  const requestId = requestIdOf(req);
  writeJson(
    res,
    status,
    path.startsWith('/graphql')
      ? graphqlRefusal(requestId, refusal)
      : {
          error: {
            code,
            message,
            ...(field ? { extensions: { field } } : {}),
            ...(requestId ? { requestId } : {}),
          },
        },
  );
}

/** Any path nothing answered: a JSON 404, never Express's HTML page. */
export function jsonNotFound(): RequestHandler {
  return (req, res) =>
    send(req, res, req.path, 404, {
      code: 'NOT_FOUND',
      message: `Nothing at ${req.method} ${req.path}`,
    });
}

/**
 * The last handler of every server: whatever reached it becomes a JSON error, in every mode
 * (Express's own handler writes an HTML page with the stack trace outside production).
 */
export function jsonErrors(log: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    const { status, refusal } = refusalFor(error, log, req.path);
    send(req, res, req.path, status, refusal);
  };
}

/**
 * How a route answers an error it did not expect to handle itself. A request a body parser
 * refused is BAD_USER_INPUT naming the body; anything else is logged in full and answered
 * INTERNAL_SERVER_ERROR with no detail (a lost unique-key race is CONFLICT).
 */
export function refusalFor(
  error: unknown,
  log: Logger,
  path: string,
): { status: number; refusal: Refusal } {
  const http = (typeof error === 'object' && error !== null ? error : {}) as HttpError;
  const status = http.status ?? http.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const message = (http.type && REFUSALS[http.type]) ?? 'The request could not be read.';
    return { status, refusal: { code: 'BAD_USER_INPUT', message, field: 'body' } };
  }
  if (isDuplicateKey(error))
    return { status: 409, refusal: { code: 'CONFLICT', message: DUPLICATE_MESSAGE } };
  log.error({ err: error, path }, 'unexpected route error');
  return {
    status: 500,
    refusal: {
      code: 'INTERNAL_SERVER_ERROR',
      message: 'Something went wrong on our side. Try again in a moment.',
    },
  };
}

/** A refused body as Express's body parsers report it (`type` names the refusal above). */
export function bodyRefusal(type: string, status: number): Error {
  return Object.assign(new Error(type), { status, type });
}
