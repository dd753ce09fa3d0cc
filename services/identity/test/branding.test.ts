import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { differenceEuclidean, wcagContrast } from 'culori';
import type { Caller } from '@dash/auth-context';
import { startTestService, type TestService } from '@dash/subgraph/testing';
import { createPlatform, identityService } from '../src/index.js';

/*
 * A platform's branding as an attacker would send it: scripts hidden in an SVG, HTML passed off
 * as a PNG, oversized and malformed icons, an unreadable colour, a test key (leaked, say) trying
 * to rebrand the live dashboard, another platform, and many updates at once.
 */
let service: TestService;
let platformId: string;
let otherId: string;
const live = (id: string): Caller => ({
  kind: 'platform',
  platformId: id,
  livemode: true,
  keyId: 'key_live',
});
const test = (id: string): Caller => ({
  kind: 'platform',
  platformId: id,
  livemode: false,
  keyId: 'key_test',
});

const BRAND = `mutation($name: String, $icon: String, $color: String, $email: String, $phone: String, $url: String) {
  updatePlatformBranding(name: $name, icon: $icon, primaryColor: $color, supportEmail: $email, supportPhone: $phone, supportUrl: $url) {
    platform { name brandColor iconUrl supportEmail supportPhone supportUrl }
    primaryColorAdjusted
  }
}`;
type Branded = {
  updatePlatformBranding: {
    platform: {
      name: string;
      brandColor: string;
      iconUrl: string | null;
      supportEmail: string | null;
      supportPhone: string | null;
      supportUrl: string | null;
    };
    primaryColorAdjusted: boolean;
  };
};
const brand = (variables: Record<string, unknown>, caller: Caller = live(platformId)) =>
  service.query<Branded>(BRAND, variables, caller);

// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const dataUrl = (type: string, bytes: Buffer) => `data:${type};base64,${bytes.toString('base64')}`;
const iconAt = (path: string) => fetch(new URL(path, service.url));

beforeAll(async () => {
  service = await startTestService(identityService);
  platformId = (await createPlatform(service.dataSource, { name: 'Rocket Rides' })).platform.id;
  otherId = (await createPlatform(service.dataSource, { name: 'Other' })).platform.id;
});
afterAll(() => service.close());

describe('platform branding', () => {
  it('keeps name, colour and support contact, and tells other services', async () => {
    const answer = await brand({
      name: ' Rocket Rides Pro ',
      color: '#0A7D4F',
      email: 'Help@RocketRides.example',
      phone: '+1 (415) 555-0123',
      url: 'https://rocketrides.example/help',
    });
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.updatePlatformBranding).toEqual({
      platform: {
        name: 'Rocket Rides Pro',
        brandColor: '#0a7d4f',
        iconUrl: null,
        supportEmail: 'help@rocketrides.example',
        supportPhone: '+14155550123',
        supportUrl: 'https://rocketrides.example/help',
      },
      primaryColorAdjusted: false,
    });
    const events = (await service.dataSource.query(
      "SELECT data FROM outbox_events WHERE platform_id = ? AND type = 'platform.updated' ORDER BY id DESC LIMIT 1",
      [platformId],
    )) as Array<{ data: string }>;
    expect(JSON.parse(events[0]!.data).data.name).toBe('Rocket Rides Pro');
    // Left out stays; null clears.
    const cleared = await brand({ phone: null });
    expect(cleared.data!.updatePlatformBranding.platform).toMatchObject({
      supportPhone: null,
      supportEmail: 'help@rocketrides.example',
    });
  });

  it('darkens a colour that text could not be read on, and keeps one it can', async () => {
    for (const color of ['#5b4cf0', '#0a7d4f', '#000000'])
      expect((await brand({ color })).data!.updatePlatformBranding.primaryColorAdjusted).toBe(
        false,
      );
    // Yellow links on white cards (and white text on yellow buttons) could not be read.
    for (const color of ['#ffff00', '#8a8a8a', '#00c2ff']) {
      const answer = await brand({ color });
      expect(answer.data!.updatePlatformBranding.primaryColorAdjusted, color).toBe(true);
      const adjusted = answer.data!.updatePlatformBranding.platform.brandColor;
      expect(wcagContrast(adjusted, '#ffffff'), color).toBeGreaterThanOrEqual(4.5);
      // Darkened, not replaced: still closer to what was asked than black is.
      expect(differenceEuclidean('oklch')(adjusted, color)).toBeLessThan(
        differenceEuclidean('oklch')('#000000', color),
      );
    }
  });

  it('serves an uploaded PNG at a URL of its own, and forgets it when removed', async () => {
    const answer = await brand({ icon: dataUrl('image/png', PNG) });
    const iconUrl = answer.data!.updatePlatformBranding.platform.iconUrl!;
    expect(iconUrl).toMatch(new RegExp(`^/platform-icons/${platformId}/[0-9a-f]{16}\\.png$`));
    const served = await iconAt(iconUrl);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('cache-control')).toContain('immutable');
    expect(Buffer.from(await served.arrayBuffer())).toEqual(PNG);
    const removed = await brand({ icon: null });
    expect(removed.data!.updatePlatformBranding.platform.iconUrl).toBeNull();
    expect((await iconAt(iconUrl)).status).toBe(404);
  });

  it('strips everything that could run or fetch from an SVG, and locks it down when served', async () => {
    const svg = `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(1)">
      <script>alert(document.cookie)</script>
      <foreignObject><iframe src="https://evil.example"></iframe></foreignObject>
      <a href="javascript:alert(1)"><circle cx="5" cy="5" r="4" fill="#5b4cf0" onclick="alert(2)"/></a>
      <image href="https://evil.example/track.png" width="10" height="10"/>
      <rect width="10" height="10" style="fill:url(https://evil.example/x)" fill="url(https://evil.example/y)"/>
      <path d="M0 0h10" stroke="#000"/>
    </svg>`;
    const answer = await brand({ icon: dataUrl('image/svg+xml', Buffer.from(svg)) });
    expect(answer.errors).toBeUndefined();
    const served = await iconAt(answer.data!.updatePlatformBranding.platform.iconUrl!);
    expect(served.headers.get('content-type')).toBe('image/svg+xml');
    expect(served.headers.get('content-security-policy')).toContain("default-src 'none'");
    const kept = await served.text();
    expect(kept).toMatch(/^<svg/);
    expect(kept).toContain('<path d="M0 0h10" stroke="#000"');
    // Names SVG reads case-sensitively survive as written.
    expect(kept).toContain('viewBox="0 0 10 10"');
    for (const gone of [
      'script',
      'onload',
      'onclick',
      'foreignObject',
      'iframe',
      'javascript:',
      'evil.example',
      'href',
      'style',
    ])
      expect(kept.toLowerCase(), gone).not.toContain(gone.toLowerCase());
  });

  it('refuses what is not an icon, with a typed error, and keeps the icon it had', async () => {
    const before = (await brand({ icon: dataUrl('image/png', PNG) })).data!.updatePlatformBranding
      .platform.iconUrl;
    const refused = [
      dataUrl('image/png', Buffer.from('<html><script>alert(1)</script></html>')),
      dataUrl('image/gif', Buffer.from('R0lGODlhAQABAAAAACw=', 'base64')),
      dataUrl('image/png', Buffer.concat([PNG, Buffer.alloc(300 * 1024)])),
      'https://evil.example/icon.png',
      'data:image/png;base64,',
      dataUrl('application/pdf', Buffer.from('%PDF-1.4\n%âãÏÓ\n')),
    ];
    for (const icon of refused) {
      const answer = await brand({ icon });
      expect(answer.errors?.[0]?.extensions, icon.slice(0, 40)).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'icon',
      });
    }
    for (const [variables, field] of [
      [{ color: 'red' }, 'primaryColor'],
      [{ email: 'not-an-email' }, 'supportEmail'],
      [{ phone: '555-0123' }, 'supportPhone'],
      [{ url: 'http://rocketrides.example' }, 'supportUrl'],
      [{ url: 'javascript:alert(1)' }, 'supportUrl'],
      [{ name: '   ' }, 'name'],
    ] as const) {
      const answer = await brand(variables);
      expect(answer.errors?.[0]?.extensions?.code, JSON.stringify(variables)).toBe(
        'BAD_USER_INPUT',
      );
      if (answer.errors?.[0]?.extensions?.field)
        expect(answer.errors[0].extensions.field).toBe(field);
    }
    const [row] = (await service.dataSource.query('SELECT icon_url FROM platforms WHERE id = ?', [
      platformId,
    ])) as Array<{ icon_url: string }>;
    expect(row!.icon_url).toBe(before);
  });

  it('is changed with a live key only, and only the caller’s own platform', async () => {
    const byTestKey = await brand({ name: 'Hijacked' }, test(platformId));
    expect(byTestKey.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'LIVE_KEY_REQUIRED',
    });
    const byAccount = await brand(
      { name: 'Hijacked' },
      { kind: 'account', accountId: 'acct_x', platformId, livemode: true },
    );
    expect(byAccount.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await brand({ name: 'Other Platform' }, live(otherId));
    const [row] = (await service.dataSource.query('SELECT name FROM platforms WHERE id = ?', [
      platformId,
    ])) as Array<{ name: string }>;
    expect(row!.name).not.toMatch(/Hijacked|Other Platform/);
  });

  it('keeps a technical address for the platform’s own keys, and carries the branding in its event', async () => {
    const TECHNICAL = `mutation($technical: String) {
      updatePlatformBranding(technicalEmail: $technical) { platform { technicalEmail } }
    }`;
    const set = await service.query<{
      updatePlatformBranding: { platform: { technicalEmail: string | null } };
    }>(TECHNICAL, { technical: ' Dev@RocketRides.example ' }, live(platformId));
    expect(set.errors).toBeUndefined();
    expect(set.data!.updatePlatformBranding.platform.technicalEmail).toBe(
      'dev@rocketrides.example',
    );
    const events = (await service.dataSource.query(
      "SELECT data FROM outbox_events WHERE platform_id = ? AND type = 'platform.updated' ORDER BY id DESC LIMIT 1",
      [platformId],
    )) as Array<{ data: string }>;
    expect(JSON.parse(events[0]!.data).data.branding).toMatchObject({
      technicalEmail: 'dev@rocketrides.example',
      brandColor: expect.stringMatching(/^#[0-9a-f]{6}$/),
    });

    // Its keys read it back; its accounts, which read its branding, never do.
    const READ = '{ platform { technicalEmail } }';
    const byKey = await service.query<{ platform: { technicalEmail: string | null } }>(
      READ,
      {},
      test(platformId),
    );
    expect(byKey.data!.platform.technicalEmail).toBe('dev@rocketrides.example');
    const byAccount = await service.query<{
      _entities: Array<{ technicalEmail: string | null } | null>;
    }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Platform { technicalEmail } } }',
      { r: [{ __typename: 'Platform', id: platformId }] },
      { kind: 'account', accountId: 'acct_x', platformId, livemode: true },
    );
    expect(byAccount.data!._entities[0]).toEqual({ technicalEmail: null });

    const refused = await service.query(TECHNICAL, { technical: 'not an email' }, live(platformId));
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'technicalEmail',
    });
    const cleared = await service.query<{
      updatePlatformBranding: { platform: { technicalEmail: string | null } };
    }>(TECHNICAL, { technical: null }, live(platformId));
    expect(cleared.data!.updatePlatformBranding.platform.technicalEmail).toBeNull();
  });

  it('keeps one icon and one event per update when many race', async () => {
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, index) =>
        brand({ icon: dataUrl('image/png', PNG), name: `Racer ${index}` }),
      ),
    );
    expect(answers.every((answer) => !answer.errors)).toBe(true);
    const icons = (await service.dataSource.query(
      'SELECT COUNT(*) AS n FROM platform_icons WHERE platform_id = ?',
      [platformId],
    )) as Array<{ n: string }>;
    expect(Number(icons[0]!.n)).toBe(1);
    const [row] = (await service.dataSource.query(
      'SELECT name, icon_url FROM platforms WHERE id = ?',
      [platformId],
    )) as Array<{ name: string; icon_url: string }>;
    expect(answers.map((answer) => answer.data!.updatePlatformBranding.platform.name)).toContain(
      row!.name,
    );
    expect((await iconAt(row!.icon_url)).status).toBe(200);
  });
});
