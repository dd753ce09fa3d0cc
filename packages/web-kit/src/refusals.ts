import { computed, onUnmounted, ref, type Ref } from 'vue';
import { GraphqlRequestError } from './graphql.js';

/**
 * What a screen calls a refusal that names one of its fields when the server's reason is not one
 * it has words for. Without these, such a refusal is UNKNOWN like any other.
 */
export interface FieldRefusals {
  /** By field, for a refusal of that field that gave no reason at all: `{ amount: 'BAD_AMOUNT' }`. */
  withoutReason?: Readonly<Record<string, string>>;
  /** For a refusal of any field whose reason is missing or unknown: `'INVALID_FIELD'`. */
  anyField?: string;
}

/**
 * Why the server refused, as one of the reasons a screen has words for (LINK_EXPIRED,
 * CLOSE_BLOCKED…); anything else is UNKNOWN, so a screen never shows a raw server message.
 */
export function refusalReason(
  error: unknown,
  known: ReadonlySet<string>,
  fields: FieldRefusals = {},
): string {
  if (!(error instanceof GraphqlRequestError)) return 'UNKNOWN';
  const reason = error.extensions.reason;
  if (typeof reason === 'string' && reason !== 'UNKNOWN' && known.has(reason)) return reason;
  const field = error.field;
  if (!field) return 'UNKNOWN';
  if (!reason && fields.withoutReason && Object.hasOwn(fields.withoutReason, field))
    return fields.withoutReason[field]!;
  return fields.anyField ?? 'UNKNOWN';
}

/** Seconds until an ISO time (e.g. when another code may be sent), ticking once a second. */
export function useSecondsUntil(until: Ref<string | undefined>) {
  const now = ref(Date.now());
  const ticker = setInterval(() => (now.value = Date.now()), 1000);
  onUnmounted(() => clearInterval(ticker));
  return computed(() =>
    until.value ? Math.max(0, Math.ceil((Date.parse(until.value) - now.value) / 1000)) : 0,
  );
}

/** A typed or pasted one-time code as its digits only: "123 456" and "123-456" become "123456". */
export const codeDigits = (value: string, length = 6) => value.replace(/\D/g, '').slice(0, length);
