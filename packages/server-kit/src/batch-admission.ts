import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import { graphqlRefusal, writeJson } from './json-errors.js';
import { requestIdOf } from './request-id.js';

/**
 * Several operations in one request: a JSON list of `{ query, variables, … }` bodies, answered
 * with the list of their results in the same order (GraphQL over HTTP's batching proposal, as
 * Apollo Server and GraphQL Yoga take it). A page whose parts ask at once sends one request
 * instead of one each.
 */
export interface BatchingOptions {
  /** The most operations one request may carry. */
  maxOperations: number;
  /**
   * Counts the operations past the first against the caller's limits (the guards counted the
   * request as one), so a batch costs what its operations sent one by one would. False when it
   * answered the request itself (over a limit).
   */
  admit(req: IncomingMessage, res: ServerResponse, extraOperations: number): Promise<boolean>;
}

/**
 * Whether a request's body may go on to Apollo: any single operation may; a list only within
 * the size allowed and once its extra operations are counted. Anything else is answered here,
 * before an operation of the list runs. Without batching a list goes on, and Apollo refuses it.
 */
export async function admitBatch(
  body: unknown,
  req: IncomingMessage,
  res: ServerResponse,
  batching: BatchingOptions | undefined,
): Promise<boolean> {
  if (!Array.isArray(body) || !batching) return true;
  if (body.length === 0 || body.length > batching.maxOperations) {
    writeJson(
      res,
      400,
      graphqlRefusal(requestIdOf(req), {
        code: 'BAD_REQUEST',
        message: `A batch carries 1 to ${batching.maxOperations} operations; this one has ${body.length}.`,
      }),
    );
    return false;
  }
  return body.length === 1 || batching.admit(req, res, body.length - 1);
}

/** The same admission on Express's path (bodies the plain route leaves to Express's parser). */
export const admitBatchMiddleware =
  (batching: BatchingOptions | undefined): RequestHandler =>
  (req, res, next) => {
    admitBatch(req.body, req, res, batching).then((admitted) => admitted && next(), next);
  };
