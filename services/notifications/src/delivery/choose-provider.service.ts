import { ConfigError, httpUrl, loadConfig, z } from '@dash/config';
import type { ServiceDeps } from '@dash/subgraph';
import { DevOutboxProvider, type DeliveryProvider } from './delivery-provider.service.js';
import { HttpSmsProvider } from './http-sms-provider.service.js';
import { SmtpProvider } from './smtp-provider.service.js';

/** One provider per channel, as configured. */
class ByChannel implements DeliveryProvider {
  constructor(private readonly providers: Record<'email' | 'sms', DeliveryProvider>) {}
  send: DeliveryProvider['send'] = (message) => this.providers[message.channel].send(message);
}

/**
 * Picks the carriers from the environment: DASH_EMAIL_PROVIDER=dev|smtp (DASH_SMTP_URL,
 * DASH_MAIL_FROM) and DASH_SMS_PROVIDER=dev|http (DASH_SMS_HTTP_URL, DASH_SMS_HTTP_TOKEN).
 * Production refuses the dev outbox: messages must reach people there.
 */
export function providerFromConfig({
  config,
  dataSource,
  log,
  env,
}: ServiceDeps): DeliveryProvider {
  const raw = loadConfig(
    {
      DASH_EMAIL_PROVIDER: z.enum(['dev', 'smtp']).default('dev'),
      DASH_SMTP_URL: z
        .string()
        .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
        .optional(),
      DASH_MAIL_FROM: z.string().default('Dashboard <no-reply@localhost>'),
      DASH_SMS_PROVIDER: z.enum(['dev', 'http']).default('dev'),
      DASH_SMS_HTTP_URL: httpUrl('http://127.0.0.1:1/sms').optional(),
      DASH_SMS_HTTP_TOKEN: z.string().optional(),
    },
    env,
  );
  const dev = new DevOutboxProvider(dataSource, log);
  if (
    config.nodeEnv === 'production' &&
    (raw.DASH_EMAIL_PROVIDER === 'dev' || raw.DASH_SMS_PROVIDER === 'dev')
  ) {
    throw new ConfigError([
      'DASH_EMAIL_PROVIDER and DASH_SMS_PROVIDER: must name real providers in production (smtp, http)',
    ]);
  }
  if (raw.DASH_EMAIL_PROVIDER === 'smtp' && !raw.DASH_SMTP_URL)
    throw new ConfigError(['DASH_SMTP_URL is required with DASH_EMAIL_PROVIDER=smtp']);
  if (raw.DASH_SMS_PROVIDER === 'http' && !env.DASH_SMS_HTTP_URL)
    throw new ConfigError(['DASH_SMS_HTTP_URL is required with DASH_SMS_PROVIDER=http']);
  return new ByChannel({
    email:
      raw.DASH_EMAIL_PROVIDER === 'smtp'
        ? new SmtpProvider(raw.DASH_SMTP_URL!, raw.DASH_MAIL_FROM)
        : dev,
    sms:
      raw.DASH_SMS_PROVIDER === 'http'
        ? new HttpSmsProvider(raw.DASH_SMS_HTTP_URL!, raw.DASH_SMS_HTTP_TOKEN)
        : dev,
  });
}
