/** Typed GraphQL errors shared by the gateway and every subgraph: a stable code and a sentence. */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from '@dash/logger';

/** The error codes clients can rely on. Anything else is reported as INTERNAL_SERVER_ERROR. */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  /** The request is fine but the state forbids it now (a balance remains, the account is closed). */
  'FAILED_PRECONDITION',
  'RATE_LIMITED',
  /** Something this depends on did not answer; trying again later may work. */
  'UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Codes Apollo Server itself uses for malformed requests; passed through as they are. */
export const REQUEST_ERROR_CODES = [
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
] as const;

// INTERNAL_SERVER_ERROR is what Apollo stamps on any unexpected throw, so it never passes as is.
const PUBLIC_CODES = new Set<string>(
  [...ERROR_CODES, ...REQUEST_ERROR_CODES].filter((code) => code !== 'INTERNAL_SERVER_ERROR'),
);

/** A failure we mean to show the caller: a stable code, a sentence, optionally the input field. */
export class DashError extends GraphQLError {
  constructor(
    code: ErrorCode,
    message: string,
    details: { field?: string; [key: string]: unknown } = {},
  ) {
    super(message, { extensions: { code, ...details } });
    this.name = 'DashError';
  }
}

export const badInput = (message: string, field?: string) =>
  new DashError('BAD_USER_INPUT', message, field ? { field } : {});
export const unauthenticated = (message = 'Sign in to continue.') =>
  new DashError('UNAUTHENTICATED', message);
export const forbidden = (message = 'You cannot do this.') => new DashError('FORBIDDEN', message);
export const notFound = (what: string, id: string) =>
  new DashError('NOT_FOUND', `No such ${what}: ${id}`);
export const conflict = (message: string) => new DashError('CONFLICT', message);

/**
 * A MySQL/MariaDB unique-key violation (ER_DUP_ENTRY), however it is wrapped (TypeORM's
 * QueryFailedError keeps the driver's error as `driverError`): the loser of a race to insert
 * the same key, which is the caller's CONFLICT, not our failure.
 */
export function isDuplicateKey(error: unknown): boolean {
  for (let cause = error, depth = 0; cause && depth < 4; depth++) {
    const { code, errno, driverError, originalError } = cause as Record<string, unknown>;
    if (code === 'ER_DUP_ENTRY' || errno === 1062) return true;
    cause = driverError ?? originalError;
  }
  return false;
}

/**
 * Whether an error is a dependency out of reach (MySQL restarting, a connection cut) rather than
 * a fault in the request: the driver's connection errors, however deeply wrapped.
 */
export function isConnectionLost(error: unknown): boolean {
  for (let cause = error, depth = 0; cause && depth < 4; depth++) {
    const { code, driverError, originalError } = cause as Record<string, unknown>;
    if (typeof code === 'string' && CONNECTION_LOST_CODES.has(code)) return true;
    cause = driverError ?? originalError;
  }
  return false;
}

const CONNECTION_LOST_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'PROTOCOL_CONNECTION_LOST',
  'ER_SERVER_SHUTDOWN',
]);

export const DUPLICATE_MESSAGE =
  'Another request did the same thing at the same moment, and went first. Reload to see it.';

/**
 * The input a variable-coercion refusal is about: GraphQL says `Variable "$filter" got invalid
 * value … at "filter.types[0]"; …` — the path when it names one, else the variable.
 */
export function fieldOfVariableError(message: string): string | undefined {
  const match = /^Variable "\$([^"]+)" got invalid value.*? at "([^"]+)"/.exec(message);
  if (match) return match[2];
  return /^Variable "\$([^"]+)"/.exec(message)?.[1];
}

/**
 * Apollo's formatError: errors with a public code go out as they are (without stack traces);
 * a refused input names its field; a lost unique-key race is CONFLICT; a database out of reach
 * is UNAVAILABLE (try again); anything unexpected is
 * logged in full and replaced by a generic message, so internals such as SQL never reach a
 * client.
 */
export function formatErrorFor(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // A value written into the query that its argument cannot take: the caller's input error.
    const original = unwrap(error);
    const code =
      formatted.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' &&
      original instanceof GraphQLError &&
      original.extensions.code === 'BAD_USER_INPUT'
        ? 'BAD_USER_INPUT'
        : formatted.extensions?.code;
    if (typeof code === 'string' && PUBLIC_CODES.has(code)) {
      const { stacktrace: _omit, ...extensions } = formatted.extensions ?? {};
      const field =
        code === 'BAD_USER_INPUT' && extensions.field === undefined
          ? fieldOfVariableError(formatted.message)
          : undefined;
      return { ...formatted, extensions: { ...extensions, code, ...(field ? { field } : {}) } };
    }
    if (isDuplicateKey(unwrap(error)))
      return { message: DUPLICATE_MESSAGE, path: formatted.path, extensions: { code: 'CONFLICT' } };
    if (isConnectionLost(unwrap(error))) {
      // An outage, not a bug: the caller may try again, and the log says which dependency.
      log.warn({ err: unwrap(error), path: formatted.path }, 'a dependency is out of reach');
      return {
        message: 'This is not available right now. Try again in a moment.',
        path: formatted.path,
        extensions: { code: 'UNAVAILABLE' },
      };
    }
    log.error({ err: unwrap(error), path: formatted.path }, 'unexpected resolver error');
    return {
      message: 'Something went wrong on our side. Try again in a moment.',
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

function unwrap(error: unknown): unknown {
  return error instanceof GraphQLError && error.originalError ? error.originalError : error;
}
