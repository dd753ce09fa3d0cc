import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  execute,
  getOperationAST,
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { LRUCache } from 'lru-cache';
import Negotiator from 'negotiator';
import type { GraphqlMetrics } from './graphql-metrics.js';

type FormatError = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

export interface PlainExecutionOptions {
  schema: GraphQLSchema;
  /** Off in production: a document asking for the schema is then left to Apollo Server. */
  introspection: boolean;
  /** Rules beyond GraphQL's own, as Apollo Server is given them. */
  validationRules: readonly ValidationRule[];
  formatError: FormatError;
  metrics: GraphqlMetrics;
}

/** One operation as a JSON body carries it, once its shape is known to be plain. */
interface PlainRequest {
  query: string;
  operationName: string | undefined;
  variables: Record<string, unknown> | undefined;
}

/** The most documents kept parsed and validated, and the most query text they may hold. */
const DOCUMENTS = 1_000;
const DOCUMENT_TEXT_BYTES = 8 * 1024 * 1024;

/**
 * Answers a subgraph's ordinary operations with graphql-js directly. Apollo Server's request
 * pipeline — a header map, content negotiation, a SHA-256 of the query to find its document,
 * a dozen awaited plugin hooks — costs more than a small operation's own resolvers, and a
 * subgraph answers nothing but small operations, one for every fetch of every query plan.
 *
 * It takes only what it answers exactly as Apollo Server would: a single operation with its
 * query text, from a caller the context accepts, that parses, validates and has its variables
 * accepted. Everything else — a refused caller, a document that does not parse or validate,
 * variables the operation refuses, persisted queries, other media types — is handed back, and
 * Apollo Server answers it as it always has. Nothing has run by then, so the hand-back is safe
 * for mutations too.
 */
export class PlainExecution {
  private readonly documents = new LRUCache<string, DocumentNode>({
    max: DOCUMENTS,
    maxSize: DOCUMENT_TEXT_BYTES,
    sizeCalculation: (_document, query) => query.length || 1,
  });
  private readonly contentTypes = new ResponseContentTypes();
  private readonly rules: readonly ValidationRule[];
  private stopped = false;

  constructor(private readonly options: PlainExecutionOptions) {
    this.rules = [
      ...specifiedRules,
      ...(options.introspection ? [] : [NoSchemaIntrospectionCustomRule]),
      ...options.validationRules,
    ];
  }

  /** From now on every request goes to Apollo Server, which drains them as the server stops. */
  stop(): void {
    this.stopped = true;
  }

  /**
   * Answers the request when it is plain (see the class); false when Apollo Server should, in
   * which case nothing has been written and no resolver has run.
   */
  async answer<Context>(
    body: unknown,
    req: IncomingMessage,
    res: ServerResponse,
    context: () => Promise<Context>,
  ): Promise<boolean> {
    const contentType = this.contentTypes.for(req.headers.accept);
    if (this.stopped || !contentType) return false;
    const request = plainRequestOf(body);
    if (!request) return false;
    let contextValue: Context;
    try {
      contextValue = await context();
    } catch {
      return false;
    }
    const document = this.documentOf(request.query);
    const operation = document && getOperationAST(document, request.operationName);
    // Subscriptions are not served over this route; Apollo Server says so.
    if (!document || !operation || operation.operation === 'subscription') return false;
    const started = process.hrtime.bigint();
    const result = await execute({
      schema: this.options.schema,
      document,
      contextValue,
      variableValues: request.variables,
      operationName: request.operationName,
    });
    // No data at all: the variables were refused before any field ran (Apollo answers 400).
    if (result.data === undefined) return false;
    const { errors, status, headers } = formatErrors(result.errors, this.options.formatError);
    for (const [name, value] of headers) res.setHeader(name, value);
    res.setHeader('content-type', contentType);
    res.statusCode = status ?? 200;
    // Apollo Server's order and trailing newline, so the two paths answer byte for byte alike.
    res.end(`${JSON.stringify({ errors, data: result.data })}\n`);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    this.options.metrics.record(operation.name?.value, operation.operation, seconds, errors ?? []);
    return true;
  }

  /** The query parsed and validated, kept by its text; undefined when either refused it. */
  private documentOf(query: string): DocumentNode | undefined {
    const known = this.documents.get(query);
    if (known) return known;
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch {
      return undefined;
    }
    if (validate(this.options.schema, document, this.rules).length > 0) return undefined;
    this.documents.set(query, document);
    return document;
  }
}

/** The media types Apollo Server offers a single result in, in its order of preference. */
const JSON_MEDIA_TYPE = 'application/json; charset=utf-8';
const GRAPHQL_RESPONSE_MEDIA_TYPE = 'application/graphql-response+json; charset=utf-8';
const OFFERED = [
  JSON_MEDIA_TYPE,
  GRAPHQL_RESPONSE_MEDIA_TYPE,
  'application/json; callbackSpec=1.0; charset=utf-8',
];

/**
 * The content type Apollo Server would answer an Accept header with, negotiated the same way (the
 * same offers, the same negotiator): `application/json` or `application/graphql-response+json`,
 * which Hive Gateway and other GraphQL-over-HTTP clients prefer. Anything else (the callback
 * spec, a 406) is left to Apollo Server. Callers send few distinct headers, so each is
 * negotiated once.
 */
class ResponseContentTypes {
  private readonly known = new LRUCache<string, string | false>({ max: 100 });

  for(accept: string | undefined): string | undefined {
    // No header, or an empty one, is answered in JSON without negotiating, as Apollo Server does.
    if (!accept) return JSON_MEDIA_TYPE;
    let contentType = this.known.get(accept);
    if (contentType === undefined) {
      const preferred = new Negotiator({ headers: { accept } }).mediaType(OFFERED);
      contentType =
        preferred === JSON_MEDIA_TYPE || preferred === GRAPHQL_RESPONSE_MEDIA_TYPE
          ? preferred
          : false;
      this.known.set(accept, contentType);
    }
    return contentType || undefined;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The body as one plain operation, or undefined for anything Apollo Server should judge. */
function plainRequestOf(body: unknown): PlainRequest | undefined {
  if (!isRecord(body)) return undefined;
  const { query, operationName, variables, extensions } = body;
  if (typeof query !== 'string' || query === '') return undefined;
  if (operationName != null && typeof operationName !== 'string') return undefined;
  if (variables != null && !isRecord(variables)) return undefined;
  // Extensions carry persisted-query hashes and the like, which are Apollo Server's to read.
  if (extensions != null && !(isRecord(extensions) && Object.keys(extensions).length === 0))
    return undefined;
  return {
    query,
    operationName: operationName ?? undefined,
    variables: variables ?? undefined,
  };
}

/** An error's `extensions.http`, which sets the response's status and headers (as in Apollo). */
interface HttpHead {
  status?: number;
  headers?: Map<string, string>;
}

const isHttpHead = (value: unknown): value is HttpHead =>
  isRecord(value) &&
  (!('status' in value) || typeof value.status === 'number') &&
  (!('headers' in value) || value.headers instanceof Map);

/**
 * Execution errors as Apollo Server sends them: every error has a code (INTERNAL_SERVER_ERROR
 * when it set none), an error's `extensions.http` becomes the response's status and headers,
 * then the server's formatError has the last word.
 */
function formatErrors(
  errors: readonly GraphQLError[] | undefined,
  formatError: FormatError,
): { errors?: GraphQLFormattedError[]; status?: number; headers: Map<string, string> } {
  const headers = new Map<string, string>();
  if (!errors?.length) return { headers };
  let status: number | undefined;
  const formatted = errors.map((error) => {
    const extensions: Record<string, unknown> = {
      ...error.extensions,
      code: error.extensions.code ?? 'INTERNAL_SERVER_ERROR',
    };
    if (isHttpHead(extensions.http)) {
      if (extensions.http.status) status = extensions.http.status;
      for (const [name, value] of extensions.http.headers ?? []) headers.set(name, value);
      delete extensions.http;
    }
    try {
      return formatError({ ...error.toJSON(), extensions }, error);
    } catch {
      return { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    }
  });
  return { errors: formatted, ...(status ? { status } : {}), headers };
}
