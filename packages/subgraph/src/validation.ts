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

/**
 * type-graphql's argument validator: class-validator rules on args and inputs, reported as
 * BAD_USER_INPUT with the offending field and a sentence ("first must not be greater than 100").
 */
export async function validateArgs(value: unknown): Promise<void> {
  if (value === null || typeof value !== 'object') return;
  const problem = firstProblem(await validate(value, { forbidUnknownValues: false }));
  if (problem) throw new DashError('BAD_USER_INPUT', problem.message, { field: problem.field });
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

/** True when `timeZone` is an IANA zone this runtime knows, such as Asia/Shanghai. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
