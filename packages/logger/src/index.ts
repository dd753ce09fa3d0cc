import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * One JSON logger per process, named after the service. Tests are quiet unless LOG_LEVEL asks;
 * request and secret headers are redacted so logs can be shipped anywhere.
 */
export function createLogger(name: string, level = defaultLevel()): Logger {
  return pino({
    name,
    level,
    redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-dash-caller"]'],
  });
}

function defaultLevel(): string {
  if (process.env.LOG_LEVEL) return process.env.LOG_LEVEL;
  return process.env.VITEST ? 'silent' : 'info';
}
