import { Agent, request } from 'undici';
import { guardedLookup, PrivateAddressError } from './address-guard.js';
import { isPublicAddress, literalAddressOf } from './webhook-url.rules.js';

/** What one attempt got: an answer (any status), or the reason none came. */
export interface SendOutcome {
  statusCode: number | null;
  latencyMs: number;
  responseExcerpt: string | null;
  error: string | null;
}

const EXCERPT_CHARS = 1000;
/** More than this of an answer is never read: an endpoint cannot make the sender buffer much. */
const READ_LIMIT_BYTES = 16 * 1024;

/** Reads at most READ_LIMIT_BYTES of a body and lets the rest go. */
async function excerptOf(body: AsyncIterable<Buffer> & { destroy(): void }): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= READ_LIMIT_BYTES) {
      body.destroy();
      break;
    }
  }
  return Buffer.concat(chunks).toString('utf8').slice(0, EXCERPT_CHARS);
}

const describe = (error: unknown): string => {
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof PrivateAddressError) return cause.message;
  if (error instanceof PrivateAddressError) return error.message;
  const { code, message } = error as { code?: string; message?: string };
  return `${code ? `${code}: ` : ''}${message ?? String(error)}`.slice(0, 300);
};

/**
 * POSTs webhooks: no redirects followed, a deadline per attempt, at most a small excerpt of the
 * answer read, and — where private targets are refused — only public addresses connected to,
 * checked on the address each socket actually uses.
 */
export class WebhookSender {
  private readonly agent: Agent;

  constructor(private readonly settings: { timeoutMs: number; allowPrivateTargets: boolean }) {
    this.agent = new Agent({
      connect: {
        timeout: settings.timeoutMs,
        ...(settings.allowPrivateTargets ? {} : { lookup: guardedLookup }),
      },
      headersTimeout: settings.timeoutMs,
      bodyTimeout: settings.timeoutMs,
      // Each endpoint is a stranger: no connection is kept for the next event.
      pipelining: 0,
    });
  }

  async send(url: string, headers: Record<string, string>, body: string): Promise<SendOutcome> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    try {
      const literal = literalAddressOf(new URL(url).hostname);
      // A socket to an address literal is opened without a lookup, so it is checked here.
      if (!this.settings.allowPrivateTargets && literal !== undefined && !isPublicAddress(literal))
        throw new PrivateAddressError(new URL(url).hostname, literal);
      const response = await request(url, {
        method: 'POST',
        headers,
        body,
        dispatcher: this.agent,
        signal: AbortSignal.timeout(this.settings.timeoutMs * 2),
      });
      const responseExcerpt = await excerptOf(response.body);
      return {
        statusCode: response.statusCode,
        latencyMs: elapsed(),
        responseExcerpt,
        error: null,
      };
    } catch (error) {
      return {
        statusCode: null,
        latencyMs: elapsed(),
        responseExcerpt: null,
        error: describe(error),
      };
    }
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}
