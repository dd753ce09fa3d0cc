/** MySQL/MariaDB errors after which the whole transaction may simply be tried again. */
const RETRYABLE = new Set([
  1213, // ER_LOCK_DEADLOCK: InnoDB chose this transaction as the victim
  1205, // ER_LOCK_WAIT_TIMEOUT
]);

const errnoOf = (error: unknown): number | undefined => {
  const candidate = error as { errno?: unknown; driverError?: { errno?: unknown } };
  const errno = candidate.driverError?.errno ?? candidate.errno;
  return typeof errno === 'number' ? errno : undefined;
};

/**
 * Runs a transaction again when the database gave it up as a deadlock victim. Safe because a
 * victim's writes were all rolled back, and every money-moving transaction is keyed for
 * idempotency anyway.
 */
export async function retryOnDeadlock<T>(work: () => Promise<T>, attempts = 6): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      const errno = errnoOf(error);
      if (attempt >= attempts || errno === undefined || !RETRYABLE.has(errno)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
    }
  }
}
