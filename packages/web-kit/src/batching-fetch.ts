/**
 * The most operations sent in one request: what the gateway takes by default
 * (DASH_BATCH_MAX_OPERATIONS). A larger window's worth goes as several requests.
 */
export const MAX_BATCH_OPERATIONS = 10;

export interface BatchingOptions {
  /** How long a query waits for others to share its request. */
  windowMs: number;
  maxOperations?: number;
}

interface Waiting {
  input: Parameters<typeof fetch>[0];
  init: RequestInit & { body: string };
  resolve(response: Response): void;
  reject(error: unknown): void;
}

/**
 * A `fetch` for GraphQL POSTs that sends the queries asked within `windowMs` of each other as one
 * request: a JSON list of their bodies, answered with the list of their results in order (the
 * gateway's batching). Each caller still gets a response of its own, holding its own result, so
 * the GraphQL client above sees nothing of it. The parts of a page that mount together then cost
 * the gateway one request between them instead of one each.
 *
 * Mutations are sent alone and at once: a change should neither wait for reads nor share their
 * fate. A query alone in its window is sent as it is.
 */
export function batchingFetch(
  send: typeof fetch,
  { windowMs, maxOperations = MAX_BATCH_OPERATIONS }: BatchingOptions,
): typeof fetch {
  let waiting: Waiting[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;

  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    const batch = waiting;
    waiting = [];
    if (batch.length === 1) {
      const [only] = batch as [Waiting];
      send(only.input, only.init).then(only.resolve, only.reject);
    } else if (batch.length > 1) void sendBatch(send, batch);
  };

  return (input, init) => {
    if (!isBatchableQuery(init)) return send(input, init);
    return new Promise<Response>((resolve, reject) => {
      waiting.push({ input, init, resolve, reject });
      if (waiting.length >= maxOperations) flush();
      else timer ??= setTimeout(flush, windowMs);
    });
  };
}

/** A POST of one query's JSON body (not a mutation or subscription, not a persisted id alone). */
function isBatchableQuery(init: RequestInit | undefined): init is RequestInit & { body: string } {
  if (init?.method !== 'POST' || typeof init.body !== 'string') return false;
  let query: unknown;
  try {
    query = (JSON.parse(init.body) as { query?: unknown }).query;
  } catch {
    return false;
  }
  // Errs towards sending alone: a query naming a field `mutation` would only lose its batch.
  return typeof query === 'string' && !/\b(mutation|subscription)\b/.test(query);
}

/**
 * One request for the whole batch; each waiting caller gets its own element of the answer. An
 * answer that is not a list of one result per query (the request refused as a whole: over a
 * limit, signed out) is handed to every caller as it came.
 */
async function sendBatch(send: typeof fetch, batch: Waiting[]): Promise<void> {
  const first = batch[0]!;
  // No caller's abort signal: one caller leaving must not cancel the others' answers.
  const { signal: _unused, ...init } = first.init;
  let response: Response;
  let text: string;
  try {
    response = await send(first.input, {
      ...init,
      body: `[${batch.map((waiting) => waiting.init.body).join(',')}]`,
    });
    text = await response.text();
  } catch (error) {
    for (const waiting of batch) waiting.reject(error);
    return;
  }
  const results = resultsOf(text, batch.length);
  batch.forEach((waiting, index) =>
    waiting.resolve(
      new Response(results ? JSON.stringify(results[index]) : text, {
        status: response.status,
        statusText: response.statusText,
        headers: { 'content-type': response.headers.get('content-type') ?? 'application/json' },
      }),
    ),
  );
}

function resultsOf(text: string, count: number): unknown[] | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) && parsed.length === count ? parsed : undefined;
  } catch {
    return undefined;
  }
}
