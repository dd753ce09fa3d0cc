import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import {
  credentialSubjectOf,
  postAsService,
  type ServiceAnswer,
  type Caller,
  CredentialEpochs,
} from '@dash/auth-context';
import { DashError } from '@dash/errors';
import type { SecretKeys } from '@dash/config';
import type { RedisClient } from '@dash/queue';
import type { GatewayConfig } from './config.js';

export type Credential =
  { apiKey: string } | { sessionToken: string } | { clientSecret: string; origin: string };

// Cache keys are hashes: secrets never sit in memory longer than their request.
const cacheKeyOf = (credential: Credential) =>
  createHash('sha256').update(JSON.stringify(credential)).digest('hex');

type Remembered = { caller: Caller; epoch: string } | 'invalid';

const identityUnavailable = () =>
  new DashError('UNAVAILABLE', 'Signing in is not available right now. Try again in a moment.', {
    http: { status: 503 },
  });

/**
 * Asks identity who holds an API key or a session token, and remembers the answer so a busy
 * client does not cost identity a round trip per request. A remembered caller is used only while
 * its credential epoch in Redis (shared by every gateway replica) is still the one identity
 * answered with: one GET per request, and a sign-out, account closure or key revocation through
 * any replica stops the credential on every replica at its next request. When Redis cannot
 * answer, identity is asked every time instead.
 */
export class IdentityCheck {
  // The epoch decides whether an entry still holds; the lifetime only bounds what it cannot see:
  // a revocation whose epoch bump failed because identity could not reach Redis, and a session
  // reaching its idle or absolute end (identity keeps `last_seen_at` to the minute, so a minute
  // here never lets an idle session expire while it is in use).
  private readonly cache = new LRUCache<string, Remembered>({ max: 50_000, ttl: 60_000 });
  /**
   * Questions to identity under way, by credential: a page sends its requests at once, and they
   * all wait for one answer instead of asking identity once each.
   */
  private readonly asking = new Map<string, Promise<Caller | undefined>>();
  // Unknown credentials are remembered briefly: a guessed key never becomes valid, but a
  // just-issued one may have been tried a moment before it existed.
  private static readonly INVALID_TTL_MS = 5_000;
  private readonly endpoint: string;

  constructor(
    identityGraphqlUrl: string,
    private readonly internalSecret: SecretKeys,
    private readonly epochs: CredentialEpochs,
    private readonly timeoutMs: number,
  ) {
    this.endpoint = new URL('/internal/authenticate', identityGraphqlUrl).toString();
  }

  /** The check a gateway makes with its settings, remembering epochs in `redis`. */
  static of(
    config: Pick<
      GatewayConfig,
      'subgraphUrls' | 'internalSecret' | 'redisPrefix' | 'identityTimeoutMs'
    >,
    redis: RedisClient,
  ): IdentityCheck {
    return new IdentityCheck(
      config.subgraphUrls.identity,
      config.internalSecret,
      new CredentialEpochs(redis, config.redisPrefix),
      config.identityTimeoutMs,
    );
  }

  async verify(credential: Credential): Promise<Caller | undefined> {
    const cacheKey = cacheKeyOf(credential);
    const cached = this.cache.get(cacheKey);
    if (cached === 'invalid') return undefined;
    if (cached && (await this.stillCurrent(cached))) return cached.caller;
    if (cached) this.cache.delete(cacheKey);
    const underWay = this.asking.get(cacheKey);
    if (underWay) return underWay;
    const asked = this.ask(cacheKey, credential).finally(() => this.asking.delete(cacheKey));
    this.asking.set(cacheKey, asked);
    return asked;
  }

  /** Sign-out must take effect at once for the browser that signed out. */
  forget(credential: Credential): void {
    this.cache.delete(cacheKeyOf(credential));
  }

  private async stillCurrent(remembered: { caller: Caller; epoch: string }): Promise<boolean> {
    const subject = credentialSubjectOf(remembered.caller);
    if (!subject) return false;
    try {
      return (await this.epochs.read(subject)) === remembered.epoch;
    } catch {
      return false; // Redis cannot vouch for it: ask identity.
    }
  }

  private async ask(cacheKey: string, credential: Credential): Promise<Caller | undefined> {
    let response: ServiceAnswer;
    try {
      response = await postAsService(this.endpoint, credential, {
        service: 'gateway',
        audience: 'identity',
        secret: this.internalSecret,
        timeoutMs: this.timeoutMs,
      });
    } catch {
      // Refused, reset or timed out: a typed answer, never a hung request.
      throw identityUnavailable();
    }
    if (response.status === 401) {
      this.cache.set(cacheKey, 'invalid', { ttl: IdentityCheck.INVALID_TTL_MS });
      return undefined;
    }
    if (!response.ok) throw identityUnavailable();
    let answer: { caller: Caller; epoch?: string };
    try {
      answer = (await response.json()) as typeof answer;
    } catch {
      throw identityUnavailable(); // cut off mid-answer, or past the deadline
    }
    if (answer.epoch !== undefined)
      this.cache.set(cacheKey, { caller: answer.caller, epoch: answer.epoch });
    return answer.caller;
  }
}
