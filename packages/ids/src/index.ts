import { createHash, randomFillSync } from 'node:crypto';

/** Every id prefix in the system, Stripe-shaped. Add a prefix here before using it. */
export const ID_PREFIXES = {
  platform: 'plat',
  account: 'acct',
  apiKey: 'key',
  loginLink: 'll',
  accountLink: 'al',
  loginChallenge: 'lch',
  session: 'sess',
  balanceTransaction: 'txn',
  charge: 'ch',
  refund: 're',
  transfer: 'tr',
  payout: 'po',
  bankAccount: 'ba',
  card: 'card',
  dispute: 'dp',
  topup: 'tu',
  file: 'file',
  event: 'evt',
  activity: 'act',
  notice: 'ntc',
  delivery: 'dlv',
  webhookEndpoint: 'we',
  webhookDelivery: 'whd',
  accountSession: 'acs',
  taxForm: 'taxform',
  taxFormRun: 'taxrun',
  verificationDocument: 'vdoc',
  riskIntervention: 'intv',
  recoveryDebit: 'rdebit',
} as const;

export type IdKind = keyof typeof ID_PREFIXES;
export type IdPrefix = (typeof ID_PREFIXES)[IdKind];

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const TIME_CHARS = 8; // 62^8 ms ≈ 6,900 years
const RANDOM_CHARS = 16; // ≈ 95 bits
const BODY = new RegExp(`^[0-9A-Za-z]{${TIME_CHARS + RANDOM_CHARS}}$`);

function encodeTime(ms: number): string {
  let out = '';
  let rest = ms;
  for (let i = 0; i < TIME_CHARS; i += 1) {
    out = ALPHABET[rest % 62] + out;
    rest = Math.floor(rest / 62);
  }
  return out;
}

/**
 * Random bytes drawn from one buffer filled a few kilobytes at a time: asking the CSPRNG for 32
 * bytes per id (a fresh Buffer each time) was a visible share of a charge's CPU, and a charge
 * makes several ids. Each byte is handed out once; as random as asking for it alone.
 */
const randomPool = Buffer.alloc(4096);
let randomPoolUsed = randomPool.length;

function randomByte(): number {
  if (randomPoolUsed === randomPool.length) {
    randomFillSync(randomPool);
    randomPoolUsed = 0;
  }
  return randomPool[randomPoolUsed++]!;
}

function randomChars(count: number): string {
  // Rejection sampling keeps every character equally likely (256 is not a multiple of 62).
  let out = '';
  while (out.length < count) {
    const byte = randomByte();
    if (byte < 248) out += ALPHABET[byte % 62];
  }
  return out;
}

/**
 * A new opaque id such as `acct_0TnVbq3K9fQ2…`. The leading characters encode the creation
 * time so ids sort roughly by age (kind to InnoDB's clustered index); the rest is random.
 */
export function newId(kind: IdKind, now: number = Date.now()): string {
  return `${ID_PREFIXES[kind]}_${encodeTime(now)}${randomChars(RANDOM_CHARS)}`;
}

/**
 * Ids that sort in the order they were made, even within one millisecond: after the first id of a
 * millisecond, each next one keeps that time and adds one to the random part. An outbox relayed
 * in id order then sends two events written in the same millisecond (a dispute's `created`, then
 * its `funds_withdrawn`) in the order they happened. The order holds within one factory (one
 * process); across processes, ids still sort by time.
 */
export function monotonicIds(clock: () => number = Date.now): (kind: IdKind) => string {
  let lastTime = -1;
  let lastRandom = '';
  return (kind) => {
    const now = clock();
    if (now > lastTime) {
      lastTime = now;
      lastRandom = randomChars(RANDOM_CHARS);
    } else {
      const next = incrementBase62(lastRandom);
      // All 16 characters at their largest: move to the next millisecond instead.
      if (next === undefined) {
        lastTime += 1;
        lastRandom = randomChars(RANDOM_CHARS);
      } else lastRandom = next;
    }
    return `${ID_PREFIXES[kind]}_${encodeTime(lastTime)}${lastRandom}`;
  };
}

/** The next string in base-62 order, of the same length; undefined past the largest. */
function incrementBase62(value: string): string | undefined {
  const digits = [...value];
  for (let i = digits.length - 1; i >= 0; i -= 1) {
    const next = ALPHABET.indexOf(digits[i]!) + 1;
    if (next < ALPHABET.length) {
      digits[i] = ALPHABET[next]!;
      return digits.join('');
    }
    digits[i] = ALPHABET[0]!;
  }
  return undefined;
}

/**
 * An id fixed by what it stands for (`seed`): the same seed always gives the same id. For what
 * there is at most one of per seed — a payment's dispute — so a request tried again after a lost
 * answer names the same object and finds what it did the first time.
 */
export function derivedId(kind: IdKind, seed: string): string {
  const digest = createHash('sha256').update(`${kind}:${seed}`).digest();
  let body = '';
  for (let i = 0; body.length < TIME_CHARS + RANDOM_CHARS; i += 1)
    body += ALPHABET[digest[i % digest.length]! % 62];
  return `${ID_PREFIXES[kind]}_${body}`;
}

/** True when `value` is a well-formed id of this kind. */
export function isId(kind: IdKind, value: string): boolean {
  const prefix = `${ID_PREFIXES[kind]}_`;
  return value.startsWith(prefix) && BODY.test(value.slice(prefix.length));
}

/** Which kind of id a string is, or undefined when it is none of ours. */
export function idKindOf(value: string): IdKind | undefined {
  const prefix = value.slice(0, value.indexOf('_'));
  const kind = (Object.keys(ID_PREFIXES) as IdKind[]).find((k) => ID_PREFIXES[k] === prefix);
  return kind && isId(kind, value) ? kind : undefined;
}
