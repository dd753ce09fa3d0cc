/**
 * Polls `check` until it succeeds (returns without throwing) or `timeoutMs` passes; then fails
 * naming `what` and the last error, so a wait that never ends says what it was waiting for.
 */
export async function waitFor(
  what: string,
  check: () => Promise<unknown>,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      await check();
      return;
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`${what}: not within ${timeoutMs / 1000}s (${String(lastError)})`);
}
