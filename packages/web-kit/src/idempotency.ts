/**
 * Idempotency keys for a form that moves money: the same request again (a retry after a network
 * error, a double click) keeps its key, so the server acts once; another request (another
 * amount) gets a new key. `forget()` when the form opens anew.
 */
export function idempotencyKeys() {
  let key = '';
  let request = '';
  return {
    keyFor(next: string | number): string {
      if (!key || request !== String(next)) {
        key = crypto.randomUUID();
        request = String(next);
      }
      return key;
    },
    forget(): void {
      key = '';
    },
  };
}
