import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { REPO_ROOT } from './docker-parts.js';

export interface ComposeService {
  image?: string;
  build?: { context?: string; target?: string } | string;
  command?: string[] | string;
  environment?: Record<string, string | number | boolean | null> | string[];
  ports?: Array<string | { target: number; published?: string | number; host_ip?: string }>;
  depends_on?: Record<string, { condition?: string }> | string[];
  healthcheck?: { test?: string[] | string; disable?: boolean };
  networks?: string[] | Record<string, unknown>;
  [key: string]: unknown;
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  [key: string]: unknown;
}

export const COMPOSE_FILE = join(REPO_ROOT, 'infra/docker-compose.yml');
export const ENV_EXAMPLE = join(REPO_ROOT, 'infra/deploy/compose.env.example');

/** The file as Compose reads it: YAML with merge keys (`<<: *anchor`) applied. */
export const readComposeText = () => readFileSync(COMPOSE_FILE, 'utf8');
export const parseCompose = (text: string) => parse(text, { merge: true }) as ComposeFile;

/** Raised where Compose itself refuses to start: a `${NAME:?message}` that is not set. */
export class MissingVariableError extends Error {}

const VARIABLE =
  /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/** Compose's interpolation of one string (`$$`, `${X}`, `${X:-d}`, `${X-d}`, `${X:?m}`, `${X:+r}`). */
export function interpolate(text: string, env: Record<string, string>): string {
  return text.replace(
    VARIABLE,
    (match, braced?: string, operator?: string, word = '', bare?: string) => {
      if (match === '$$') return '$';
      const name = (braced ?? bare)!;
      const value = env[name];
      const unset = value === undefined || (operator?.startsWith(':') === true && value === '');
      switch (operator?.replace(':', '')) {
        case '-':
          return unset ? word : value!;
        case '?':
          if (unset) throw new MissingVariableError(`${name}: ${word || 'required'}`);
          return value!;
        case '+':
          return unset ? '' : word;
        default:
          return value ?? '';
      }
    },
  );
}

/** A copy of the whole document with every string interpolated. */
export function interpolateAll<T>(value: T, env: Record<string, string>): T {
  if (typeof value === 'string') return interpolate(value, env) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => interpolateAll(item, env)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, interpolateAll(item, env)]),
    ) as T;
  return value;
}

/** A service's `environment` as a map, whichever of Compose's two forms it is written in. */
export function environmentOf(service: ComposeService): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env))
    return Object.fromEntries(
      env.map((entry) => [entry.split('=')[0]!, entry.split('=').slice(1).join('=')]),
    );
  return Object.fromEntries(Object.entries(env).map(([key, value]) => [key, String(value ?? '')]));
}

/**
 * What an operator's infra/.env holds in these tests: fresh random secrets and addresses under a
 * reserved test domain.
 */
export function operatorEnv(): Record<string, string> {
  const random = (bytes: number) => randomBytes(bytes).toString('hex');
  return {
    DASH_PUBLIC_URL: 'https://dashboard.example.test',
    DASH_SECRET_KEYS: `k2:${randomBytes(32).toString('base64')},k1:${randomBytes(32).toString('base64')}`,
    MYSQL_PASSWORD: random(24),
    REDIS_PASSWORD: random(24),
    DASH_SMTP_URL: `smtps://mailer:${random(12)}@smtp.example.test:465`,
    DASH_MAIL_FROM: 'Dashboard <no-reply@example.test>',
    DASH_SMS_HTTP_URL: 'https://sms.example.test/send',
    DASH_SMS_HTTP_TOKEN: random(24),
    DASH_OPERATOR_TOKENS: random(24),
    DASH_IMAGE_TAG: '1.0.0',
  };
}

/** An env file's `NAME=value` lines (comments and blank lines skipped; values taken as written). */
export function parseEnvFile(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split('\n')
      .map((line) => /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line.trim()))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => [match[1]!, match[2]!]),
  );
}

/** The variables the file demands from infra/.env (`${NAME:?…}`). */
export const requiredVariables = (text: string) =>
  new Set([...text.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*):?\?/g)].map((match) => match[1]!));

let schemaValidator: ReturnType<Ajv['compile']> | undefined;

/** The Compose Specification's own schema (vendored in infra/deploy/schemas, see its README). */
export function composeSchemaProblems(document: unknown): string[] {
  if (!schemaValidator) {
    const { $schema: _draft07, ...schema } = JSON.parse(
      readFileSync(join(REPO_ROOT, 'infra/deploy/schemas/compose-spec.json'), 'utf8'),
    ) as { $schema: string };
    // The file names draft-07 by an https address Ajv does not register; draft-07 is Ajv's own
    // default. Not strict: the schema carries annotations Ajv's strict mode does not know.
    schemaValidator = new Ajv({ allErrors: true, strict: false }).compile(schema);
  }
  if (schemaValidator(document)) return [];
  return (schemaValidator.errors ?? []).map(
    (error) =>
      `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`,
  );
}
