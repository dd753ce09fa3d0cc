import { LRUCache } from 'lru-cache';
import { validate, type ValidationError } from 'class-validator';
import { badInput, DashError } from '@dash/errors';
import { normalizeCurrency } from '@dash/money';

function firstProblem(
  errors: ValidationError[],
  path: string[] = [],
): { field: string; message: string } | undefined {
  for (const error of errors) {
    const field = [...path, error.property].join('.');
    const message = Object.values(error.constraints ?? {})[0];
    if (message) return { field, message: message.replace(error.property, field) };
    const nested = firstProblem(error.children ?? [], [...path, error.property]);
    if (nested) return nested;
  }
  return undefined;
}

/** The first class-validator problem of one object, its field prefixed by `path`. */
async function problemOf(
  value: object,
  path: string[],
): Promise<{ field: string; message: string } | undefined> {
  return firstProblem(await validate(value, { forbidUnknownValues: false }), path);
}

/**
 * type-graphql's argument validator: class-validator rules on args and inputs, reported as
 * BAD_USER_INPUT with the offending field and a sentence ("first must not be greater than 100").
 * class-validator checks nothing of an array it is handed, so each element of a list is checked
 * on its own, its index in the field (`3.key`; `values.3.key` when the list's name is known).
 */
export function validateArgs(value: unknown): Promise<void> {
  return validateValue(value, undefined);
}

async function validateValue(value: unknown, listName: string | undefined): Promise<void> {
  if (value === null || typeof value !== 'object') return;
  const problem = Array.isArray(value)
    ? await firstElementProblem(value, listName)
    : await problemOf(value, []);
  if (problem) throw new DashError('BAD_USER_INPUT', problem.message, { field: problem.field });
}

async function firstElementProblem(items: unknown[], listName: string | undefined) {
  for (const [index, item] of items.entries()) {
    if (item === null || typeof item !== 'object') continue;
    const problem = await problemOf(item, [...(listName ? [listName] : []), String(index)]);
    if (problem) return problem;
  }
  return undefined;
}

/**
 * A list argument as a caller sent it: refused (BAD_USER_INPUT, reason TOO_MANY_ITEMS) when it
 * holds more than `maxItems`, before any element is looked at, then each element validated.
 */
export async function validateListArg(
  name: string,
  value: unknown,
  maxItems: number,
): Promise<void> {
  if (!Array.isArray(value)) return;
  if (value.length > maxItems)
    throw new DashError('BAD_USER_INPUT', `${name} must hold at most ${maxItems} items`, {
      field: name,
      reason: 'TOO_MANY_ITEMS',
    });
  await validateValue(value, name);
}

/** An idempotency key as every money-moving mutation takes it: 1 to 255 characters. */
export function checkIdempotencyKey(key: string): string {
  if (key.length < 1 || key.length > 255)
    throw badInput('idempotencyKey must be 1 to 255 characters', 'idempotencyKey');
  return key;
}

/** A currency code from a caller, lower-cased ("USD" → "usd"), or a refusal naming `field`. */
export function currencyInput(code: string, field = 'currency'): string {
  try {
    return normalizeCurrency(code);
  } catch {
    throw badInput('currency must be a three-letter code such as usd', field);
  }
}

/**
 * Zones already found valid: building an Intl.DateTimeFormat to check one costs more than the
 * rest of an earnings request's arithmetic, and the zones in use are few. Bounded, since
 * anyone can send any string (refused strings are not kept).
 */
const knownZones = new LRUCache<string, true>({ max: 1_000 });

/** True when `timeZone` is an IANA zone this runtime knows, such as Asia/Shanghai. */
export function isTimeZone(timeZone: string): boolean {
  if (knownZones.has(timeZone)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    return false;
  }
  knownZones.set(timeZone, true);
  return true;
}
