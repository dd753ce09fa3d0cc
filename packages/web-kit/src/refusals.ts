import { computed, onUnmounted, ref, type Ref } from 'vue';
import { GraphqlRequestError } from './graphql.js';

/**
 * Why the server refused, as one of the reasons a screen has words for (LINK_EXPIRED,
 * CLOSE_BLOCKED…); anything else is UNKNOWN, so a screen never shows a raw server message.
 */
export function refusalReason(error: unknown, known: ReadonlySet<string>): string {
  const reason = error instanceof GraphqlRequestError ? error.extensions.reason : undefined;
  return typeof reason === 'string' && known.has(reason) ? reason : 'UNKNOWN';
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
