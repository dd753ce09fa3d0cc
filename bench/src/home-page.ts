import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '@dash/testing';
import type { PreparedRequest } from './load.js';

export const launchChromium = () =>
  chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });

/** A fresh browser context (empty cache) signed in as the account with this session token. */
async function signedInContext(browser: Browser, shellUrl: string, sessionToken: string) {
  const context = await browser.newContext();
  await context.addCookies([
    { name: 'dash_session', value: sessionToken, url: shellUrl, httpOnly: true, sameSite: 'Lax' },
  ]);
  return context;
}

/** An operation's name, or "(me)" for an unnamed `{ me { … } }`, by its first field. */
const nameOf = (operation: { operationName?: string; query?: string }) =>
  operation.operationName ??
  /^\s*(?:query|mutation)\s+(\w+)/.exec(operation.query ?? '')?.[1] ??
  `(${/\{\s*(\w+)/.exec(operation.query ?? '')?.[1] ?? 'anonymous'})`;

/** What a request asks, by name: a batch of several as their names joined by "+". */
const operationNameOf = (body: string) => {
  try {
    const parsed = JSON.parse(body) as
      | { operationName?: string; query?: string }
      | Array<{ operationName?: string; query?: string }>;
    return Array.isArray(parsed) ? parsed.map(nameOf).join('+') : nameOf(parsed);
  } catch {
    return '(unreadable)';
  }
};

/** What the page sent to /graphql and what it was answered, in the order it was sent. */
export interface HomePage {
  requests: PreparedRequest[];
  /** Headers the front end adds of its own (x-…, apollo-…), replayed with every request. */
  headers: Record<string, string>;
  /** GraphQL errors or non-2xx answers the page got. */
  errors: string[];
}

/**
 * Opens `/` as the signed-in account and records every POST /graphql body until the network is
 * idle: what the real front end asks for a home page, whatever it is at the time of the run.
 * A persisted query's first try that the server did not know yet is left out (the retry with
 * its text is kept).
 */
export async function recordHomePage(
  browser: Browser,
  shellUrl: string,
  sessionToken: string,
): Promise<HomePage> {
  const context = await signedInContext(browser, shellUrl, sessionToken);
  const page = await context.newPage();
  const pending: Array<Promise<{ request: PreparedRequest; answer: string; ok: boolean }>> = [];
  const headers: Record<string, string> = {};
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    if (request.method() !== 'POST' || new URL(request.url()).pathname !== '/graphql') return;
    const body = request.postData() ?? '';
    for (const [name, value] of Object.entries(request.headers()))
      if (/^(x-|apollo-)/.test(name) && !/^x-(forwarded|request-id)/.test(name))
        headers[name] = value;
    pending.push(
      (async () => {
        const response = await request.response();
        const answer = response ? await response.text().catch(() => '') : '';
        return {
          request: { operationName: operationNameOf(body), body },
          answer,
          ok: !!response && response.ok(),
        };
      })(),
    );
  });
  await page.goto(`${shellUrl}/`, { waitUntil: 'networkidle', timeout: 60_000 });
  const recorded = await Promise.all(pending);
  await context.close();
  const requests: PreparedRequest[] = [];
  for (const { request, answer, ok } of recorded) {
    if (answer.includes('PERSISTED_QUERY_NOT_FOUND')) continue;
    requests.push(request);
    if (!ok || answer.includes('"errors"'))
      errors.push(`${request.operationName}: ${answer.slice(0, 400)}`);
  }
  return { requests, headers, errors };
}

/**
 * The page's requests with each operation of a batch sent on its own, as the front end sent them
 * before it batched: what batching is worth, measured on the same page.
 */
export function unbatched(page: HomePage): HomePage {
  const requests = page.requests.flatMap((request): PreparedRequest[] => {
    const parsed = JSON.parse(request.body) as unknown;
    if (!Array.isArray(parsed)) return [request];
    return parsed.map((operation: { operationName?: string; query?: string }) => ({
      operationName: nameOf(operation),
      body: JSON.stringify(operation),
    }));
  });
  return { ...page, requests };
}

export interface ColdLoad {
  /** Bytes of JavaScript over the network (encoded, as transferred). */
  scriptBytes: number;
  firstContentfulPaintMs: number;
}

/** Opens `/` in a fresh context (cold cache) and measures what it transferred and when it painted. */
async function coldLoad(
  browser: Browser,
  shellUrl: string,
  sessionToken: string,
): Promise<ColdLoad> {
  const context: BrowserContext = await signedInContext(browser, shellUrl, sessionToken);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
  const scripts = new Set<string>();
  let scriptBytes = 0;
  cdp.on('Network.responseReceived', (event) => {
    if (event.type === 'Script') scripts.add(event.requestId);
  });
  cdp.on('Network.loadingFinished', (event) => {
    if (scripts.has(event.requestId)) scriptBytes += event.encodedDataLength;
  });
  await page.goto(`${shellUrl}/`, { waitUntil: 'networkidle', timeout: 60_000 });
  const firstContentfulPaintMs = await page.evaluate(
    () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
  );
  await context.close();
  return { scriptBytes, firstContentfulPaintMs };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

/** The median of `runs` cold loads, each in a fresh context. */
export async function coldLoads(
  browser: Browser,
  shellUrl: string,
  sessionToken: string,
  runs: number,
): Promise<ColdLoad & { runs: ColdLoad[] }> {
  const all: ColdLoad[] = [];
  for (let run = 0; run < runs; run += 1) all.push(await coldLoad(browser, shellUrl, sessionToken));
  return {
    scriptBytes: median(all.map((load) => load.scriptBytes)),
    firstContentfulPaintMs: median(all.map((load) => load.firstContentfulPaintMs)),
    runs: all,
  };
}
