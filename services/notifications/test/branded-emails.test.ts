import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '@dash/auth-context';
import { requestDelivery } from '@dash/contracts';
import { createPlatform, identityService } from '@dash/identity';
import { startTestService, TEST_SECRET_KEYS, type TestService } from '@dash/subgraph/testing';
import {
  deleteRedisPrefix,
  startTestSmtpServer,
  testRedisPrefix,
  testRedisUrl,
  waitFor,
  type TestSmtpServer,
} from '@dash/testing';
import { notificationsService, openDeliveryQueue } from '../src/index.js';
import { savePlatformBrand } from '../src/platform-brand/platform-brands.service.js';

/*
 * Emails to accounts in their platform's branding, over the real chain: identity keeps the
 * branding and records platform.updated, its relay publishes it, notifications keeps its own
 * copy; the delivery worker frames each email with it — live mode's through SMTP as
 * multipart/alternative, test mode's into the dev outbox.
 */
const prefix = testRedisPrefix('branded_emails');
const env = { REDIS_URL: testRedisUrl(), DASH_REDIS_PREFIX: prefix };
const DASHBOARD = 'https://dash.example';
let identity: TestService;
let notifications: TestService;
let smtp: TestSmtpServer;
let producer: ReturnType<typeof openDeliveryQueue>;
let platformId: string;
let testAccount: string;
let liveAccount: string;

// A 1×1 PNG.
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

const live = (): Caller => ({ kind: 'platform', platformId, livemode: true, keyId: 'key_live' });

async function brand(variables: Record<string, unknown>) {
  const answer = await identity.query<{
    updatePlatformBranding: { platform: { iconUrl: string | null } };
  }>(
    `mutation($name: String, $icon: String, $color: String, $email: String, $phone: String, $url: String) {
      updatePlatformBranding(name: $name, icon: $icon, primaryColor: $color, supportEmail: $email, supportPhone: $phone, supportUrl: $url) {
        platform { iconUrl }
      }
    }`,
    variables,
    live(),
  );
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
  return answer.data!.updatePlatformBranding.platform;
}

/** Waits until notifications has heard the platform's latest event and kept `expected`. */
async function notificationsKnow(expected: Record<string, unknown>) {
  await waitFor('notifications keeps the platform’s branding', async () => {
    const [row] = (await notifications.dataSource.query(
      'SELECT name, brand_color, icon_url, support_email FROM platform_brands WHERE platform_id = ?',
      [platformId],
    )) as Array<Record<string, unknown>>;
    expect(row).toMatchObject(expected);
  });
}

async function createAccount(email: string, livemode: boolean): Promise<string> {
  const answer = await identity.query<{ createAccount: { id: string } }>(
    'mutation($i: CreateAccountInput!) { createAccount(input: $i) { id } }',
    { i: { email, country: 'US' } },
    { kind: 'platform', platformId, livemode, keyId: livemode ? 'key_live' : 'key_test' },
  );
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
  return answer.data!.createAccount.id;
}

const readyEmail = (accountId: string, to: string, livemode: boolean) => ({
  accountId,
  livemode,
  channel: 'email' as const,
  to,
  template: 'dashboard-ready',
  params: { name: 'Ada', url: `${DASHBOARD}/` },
});

type Outbox = {
  messages: Array<{ channel: string; subject: string; text: string; html: string | null }>;
};
async function outboxOf(to: string) {
  const url = notifications.url.replace('/graphql', `/dev/outbox?to=${encodeURIComponent(to)}`);
  return ((await (await fetch(url)).json()) as Outbox).messages;
}
const newestHtml = async (to: string) => {
  let html: string | null | undefined;
  await waitFor(`an email to ${to}`, async () => {
    html = (await outboxOf(to))[0]?.html;
    expect(html).toBeTruthy();
  });
  return html!;
};

/** The decoded body of one MIME part (quoted-printable, as nodemailer writes it) of `raw`. */
function mimePart(raw: string, contentType: string): string {
  const start = raw.indexOf(`Content-Type: ${contentType}`);
  expect(start, contentType).toBeGreaterThan(-1);
  const body = raw.slice(raw.indexOf('\r\n\r\n', start) + 4, raw.indexOf('\r\n--', start));
  const bytes = body
    .replace(/=\r\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  identity = await startTestService(identityService, env);
  notifications = await startTestService(notificationsService, {
    ...env,
    DASH_IDENTITY_URL: identity.url,
    DASH_DASHBOARD_URL: DASHBOARD,
    DASH_EMAIL_PROVIDER: 'smtp',
    DASH_SMTP_URL: smtp.url,
  });
  producer = openDeliveryQueue(env, TEST_SECRET_KEYS);
  platformId = (await createPlatform(identity.dataSource, { name: 'Rocket Rides' })).platform.id;
  testAccount = await createAccount('ada@example.com', false);
  liveAccount = await createAccount('bo@example.com', true);
});
afterAll(async () => {
  await producer?.close();
  await notifications?.close();
  await identity?.close();
  await smtp?.stop();
  await deleteRedisPrefix(testRedisUrl(), prefix);
});

describe('branded emails', () => {
  it('frame a live account’s email in its platform’s branding, sent as text and HTML', async () => {
    const { iconUrl } = await brand({
      icon: PNG,
      color: '#0A7D4F',
      email: 'help@rocketrides.example',
      phone: '+14155550123',
      url: 'https://rocketrides.example/help',
    });
    await notificationsKnow({ icon_url: iconUrl, brand_color: '#0a7d4f' });
    // Notifications met neither account before: it learns their platform from identity once.
    await requestDelivery(producer.queue, readyEmail(liveAccount, 'bo@example.com', true));
    await waitFor('the email reached SMTP', async () => expect(smtp.received).toHaveLength(1));

    const raw = smtp.received[0]!;
    expect(raw).toMatch(/^Content-Type: multipart\/alternative;/m);
    const text = mimePart(raw, 'text/plain');
    expect(text).toContain('Hi Ada, your dashboard is ready: https://dash.example/');
    const html = mimePart(raw, 'text/html');
    expect(html).toContain(`<img src="${DASHBOARD}${iconUrl}"`);
    expect(html).toContain('>Rocket Rides</span>');
    expect(html).toContain('border-top:4px solid #0a7d4f');
    expect(html).toContain('<a href="https://dash.example/" style="display:inline-block');
    expect(html).toContain('<a href="mailto:help@rocketrides.example"');
    expect(html).toContain('<a href="tel:+14155550123"');
    expect(html).toContain('<a href="https://rocketrides.example/help"');
    const [kept] = (await notifications.dataSource.query(
      'SELECT platform_id FROM accounts WHERE id = ?',
      [liveAccount],
    )) as Array<{ platform_id: string }>;
    expect(kept!.platform_id).toBe(platformId);
  });

  it('changes with the platform’s next platform.updated, and SMS stays plain text', async () => {
    await brand({ name: 'Rocket Rides Pro', color: '#b3261e', icon: null, phone: null, url: null });
    await notificationsKnow({ name: 'Rocket Rides Pro', brand_color: '#b3261e', icon_url: null });
    await requestDelivery(producer.queue, readyEmail(testAccount, 'ada@example.com', false));
    const html = await newestHtml('ada@example.com');
    expect(html).not.toContain('<img');
    // No icon: the name in the platform's colour.
    expect(html).toContain('color:#b3261e;">Rocket Rides Pro</span>');
    expect(html).toContain('Rocket Rides Pro sent you this email');
    expect(html).not.toContain('tel:');
    expect(html).not.toContain('rocketrides.example/help');

    await requestDelivery(producer.queue, {
      accountId: testAccount,
      livemode: false,
      channel: 'sms',
      to: '+15555550100',
      template: 'login-code',
      params: {},
    });
    await waitFor('the SMS', async () => expect(await outboxOf('+15555550100')).toHaveLength(1));
    expect((await outboxOf('+15555550100'))[0]!.html).toBeNull();
  });

  it('escapes a hostile name and contact, and links no javascript: URL', async () => {
    // What identity accepts: a name with markup, an "email" made of markup.
    await brand({
      name: `<script>alert(1)</script> "Rides" & 'Co'`,
      email: '"><script>alert(2)</script>@evil.example',
    });
    await notificationsKnow({ name: `<script>alert(1)</script> "Rides" & 'Co'` });
    await requestDelivery(producer.queue, readyEmail(testAccount, 'ada+1@example.com', false));
    let html = await newestHtml('ada+1@example.com');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt; &quot;Rides&quot; &amp; &#39;Co&#39;',
    );
    expect(html).toContain('&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;@evil.example');
    expect(html).not.toContain('mailto:');

    // What identity refuses, should an older or buggy producer say it: never a link.
    await notifications.dataSource.transaction((manager) =>
      savePlatformBrand(
        manager,
        {
          platformId,
          name: 'Rocket Rides',
          branding: {
            brandColor: 'red;a:b', // CHAR(7) holds no more CSS than this
            iconUrl: 'javascript:alert(3)',
            supportEmail: null,
            supportPhone: 'javascript:1',
            supportUrl: 'javascript:alert(5)',
            technicalEmail: null,
          },
        },
        new Date(Date.now() + 60_000),
      ),
    );
    await requestDelivery(producer.queue, readyEmail(testAccount, 'ada+2@example.com', false));
    html = await newestHtml('ada+2@example.com');
    const links = [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((match) => match[1]);
    expect(links).toEqual(['https://dash.example/', 'https://dash.example/']);
    expect(html).not.toContain('red;a:b');
    expect(html).toContain('border-top:4px solid #5b4cf0');
    expect(html).toContain('javascript:alert(5)');
  });

  it('goes out unbranded, never held up, for an account no one knows', async () => {
    await requestDelivery(producer.queue, readyEmail('acct_nobody', 'nobody@example.com', false));
    const html = await newestHtml('nobody@example.com');
    expect(html).toContain('>Dashboard</span>');
    expect(html).toContain('border-top:4px solid #5b4cf0');
  });
});
