import { pino, type DestinationStream, type Logger } from 'pino';
import { currentRequestId } from './request-scope.js';
import { redact, redactText } from './redaction.js';

export type { Logger };
export { currentRequestId, withRequestId } from './request-scope.js';
export { isSensitiveKey, redact, redactText } from './redaction.js';

/**
 * One JSON logger per process, named after the service. Tests are quiet unless LOG_LEVEL asks.
 * Every line written while a request is handled carries its `requestId`; secrets and personal
 * data are withheld wherever they appear (see redaction.ts), so logs can be shipped anywhere.
 */
export function createLogger(
  name: string,
  level = defaultLevel(),
  destination?: DestinationStream,
): Logger {
  return pino(
    {
      name,
      level,
      mixin() {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
      formatters: { log: (object) => redact(object) as Record<string, unknown> },
      hooks: {
        // The message text too: `log.info(\`sent to ${email}\`)` must not leak the address.
        logMethod(args, method) {
          const masked = args.map((arg) => (typeof arg === 'string' ? redactText(arg) : arg));
          return method.apply(this, masked as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}

function defaultLevel(): string {
  if (process.env.LOG_LEVEL) return process.env.LOG_LEVEL;
  return process.env.VITEST ? 'silent' : 'info';
}
