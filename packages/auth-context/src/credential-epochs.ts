import type { Caller } from './caller.js';

/**
 * The part of a Redis client credential epochs need (ioredis fits), so this package carries no
 * Redis dependency of its own.
 */
export interface EpochStore {
  get(key: string): Promise<string | null>;
  incr(key: string): Promise<number>;
}

/** Whose credentials an epoch covers: every session of an account, or one API key. */
export type CredentialSubject = { accountId: string } | { keyId: string };

/**
 * Revocation that every gateway instance sees on the very next request. Each account (all its
 * sessions) and each API key has a counter in Redis; identity bumps it after it revokes in the
 * database, and tells the gateway the counter it read *before* it checked the database. A
 * gateway keeps a cached caller only while the counter is still that value — one GET per
 * request. Reading before checking means a revocation racing the check always leaves the
 * counter ahead of what was cached, so no interleaving keeps a revoked credential alive.
 *
 * (Pub/sub was the alternative: a message published while a gateway's subscription is down,
 * or before it notices a dead connection, is lost, and the gateway would serve from its cache
 * until it noticed. A counter read with the request cannot be missed.)
 */
export class CredentialEpochs {
  constructor(
    private readonly redis: EpochStore,
    private readonly prefix: string,
  ) {}

  keyOf(subject: CredentialSubject): string {
    return 'accountId' in subject
      ? `${this.prefix}:credential-epoch:account:${subject.accountId}`
      : `${this.prefix}:credential-epoch:key:${subject.keyId}`;
  }

  /** The current epoch ("0" before the first revocation). */
  async read(subject: CredentialSubject): Promise<string> {
    return (await this.redis.get(this.keyOf(subject))) ?? '0';
  }

  /** Called after a revocation is committed: every cached copy stops counting at once. */
  async bump(subject: CredentialSubject): Promise<void> {
    await this.redis.incr(this.keyOf(subject));
  }
}

/** The subject whose epoch guards a caller, if it holds a revocable credential. */
export function credentialSubjectOf(caller: Caller): CredentialSubject | undefined {
  if (caller.kind === 'platform') return { keyId: caller.keyId };
  if (caller.kind === 'account' || caller.kind === 'onboarding')
    return { accountId: caller.accountId };
  return undefined;
}
