import { createHash } from 'node:crypto';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MICROFRONTENDS } from '@dash/manifest';
import { createShellServer, loadShellConfig } from '../src/server/index.js';
import { importMapOf, linkedUrls, startShellBefore } from './support.js';

/** Stands in for the gateway: echoes what the proxy forwarded. */
const upstream = http.createServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => {
    res.setHeader('content-type', 'application/json');
    res.setHeader('set-cookie', 'dash_session=abc; HttpOnly; Path=/');
    res.end(
      JSON.stringify({
        path: req.url,
        method: req.method,
        cookie: req.headers.cookie ?? null,
        body,
      }),
    );
  });
});

let base = '';
let stopShell: () => Promise<void>;

beforeAll(async () => {
  ({ base, stop: stopShell } = await startShellBefore(upstream));
});
afterAll(() => stopShell());

describe('shell server', () => {
  it('serves the page with its import map and layout, for every route', async () => {
    for (const path of ['/', '/payouts', '/settings/close-account']) {
      const response = await fetch(`${base}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      const html = await response.text();
      expect(html).toContain('<script type="importmap">');
      expect(html).toContain('<application name="@dash/balance">');
    }
  });

  it('serves every module the import map names as JavaScript', async () => {
    const html = await (await fetch(base)).text();
    const imports = importMapOf(html);
    expect(Object.keys(imports)).toEqual([
      'vue',
      'single-spa',
      'single-spa-layout',
      '@dash/web-kit',
      '@dash/activity',
      '@dash/balance',
      '@dash/banner',
      '@dash/disputes-app',
      '@dash/earnings',
      '@dash/login',
      '@dash/onboarding',
      '@dash/payments',
      '@dash/payouts-app',
      '@dash/settings',
      '@dash/tax',
      '@dash/transactions',
    ]);
    for (const url of [...Object.values(imports), ...linkedUrls(html, 'script')]) {
      const response = await fetch(`${base}${url}`);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type'), url).toMatch(/javascript/);
    }
    const balanceCss = imports['@dash/balance']!.replace(/balance\.js$/, 'balance.css');
    for (const url of [...linkedUrls(html, 'stylesheet'), balanceCss]) {
      expect((await fetch(`${base}${url}`)).headers.get('content-type'), url).toMatch(/text\/css/);
    }
  });

  it('imports, links and mounts every micro-frontend of the manifest, and serves its folder', async () => {
    const giftCards = {
      name: 'gift-cards',
      package: '@dash/gift-cards-app',
      folder: 'microfrontends/balance',
      routes: ['gift-cards'],
      nav: 'Gift cards',
    };
    const shell = createShellServer({
      host: '127.0.0.1',
      port: 0,
      gatewayUrl: 'http://127.0.0.1:9/graphql',
      microfrontends: [...MICROFRONTENDS, giftCards],
    });
    const { url } = await shell.start();
    try {
      const response = await fetch(`${url}/gift-cards`);
      const html = await response.text();
      const entryUrl = importMapOf(html)['@dash/gift-cards-app']!;
      expect(entryUrl).toMatch(/^\/apps\/gift-cards\/[0-9a-f]{16}\/gift-cards\.js$/);
      expect(html).toContain('<a href="/gift-cards" data-i18n="nav.gift-cards">Gift cards</a>');
      expect(html).toMatch(
        /<route path="gift-cards">\s*<application name="@dash\/banner"><\/application>\s*<application name="@dash\/gift-cards-app"><\/application>/,
      );
      // The policy allows this page's import map, the one with the new entry.
      const importMap = /<script type="importmap">([\s\S]*?)<\/script>/.exec(html)![1]!;
      const hash = createHash('sha256').update(importMap).digest('base64');
      expect(response.headers.get('content-security-policy')).toContain(`'sha256-${hash}'`);
      const balanceJs = entryUrl.replace(/gift-cards\.js$/, 'balance.js');
      expect((await fetch(`${url}${balanceJs}`)).status).toBe(200);
    } finally {
      await shell.stop();
    }
  });

  it('answers missing files with 404, not the page', async () => {
    expect((await fetch(`${base}/apps/balance/nope.js`)).status).toBe(404);
  });

  it('answers a missing file or a mangled path as JSON, never an HTML error page', async () => {
    for (const path of ['/apps/balance/nope.js', '/vendor/nope.js', '/apps/%E0%A4%A.js']) {
      const response = await fetch(`${base}${path}`);
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(response.status, path).toBeLessThan(500);
      expect(response.headers.get('content-type'), path).toMatch(/^application\/json/);
      const text = await response.text();
      expect(text, path).not.toMatch(/<html|<pre>|\bat .*\.js:\d+/i);
      expect(JSON.parse(text).error.code, path).toMatch(/NOT_FOUND|BAD_USER_INPUT/);
    }
  });

  it('sends a policy that runs scripts from this origin only and refuses framing', async () => {
    const vue = importMapOf(await (await fetch(base)).text()).vue!;
    for (const path of ['/', '/login/lt_secret', '/onboarding/al_secret', vue]) {
      const response = await fetch(`${base}${path}`);
      const csp = response.headers.get('content-security-policy') ?? '';
      const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
      expect(scriptSrc.split(' ').sort(), path).toEqual(
        ["'self'", expect.stringMatching(/^'sha256-[A-Za-z0-9+/]+=*'$/)].sort(),
      );
      expect(scriptSrc, path).not.toMatch(/unsafe/);
      expect(csp, path).toMatch(/frame-ancestors 'none'/);
      expect(csp, path).toMatch(/object-src 'none'/);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      // The login and onboarding URLs carry single-use secrets: never sent on as a Referer.
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
      // Plain http (development): no HSTS, which would lock a developer's localhost to https.
      expect(response.headers.get('strict-transport-security'), path).toBeNull();
    }
  });

  it('allows exactly the import map of the page by its hash', async () => {
    const response = await fetch(base);
    const html = await response.text();
    const importMap = /<script type="importmap">([\s\S]*?)<\/script>/.exec(html)![1]!;
    const hash = createHash('sha256').update(importMap).digest('base64');
    expect(response.headers.get('content-security-policy')).toContain(`'sha256-${hash}'`);
    // The page has no other inline script.
    expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/g)).toEqual(['<script type="importmap">']);
  });

  it('sends HSTS when served over https (production)', async () => {
    const secure = createShellServer({
      host: '127.0.0.1',
      port: 0,
      gatewayUrl: 'http://127.0.0.1:9/graphql',
      https: true,
    });
    const { url } = await secure.start();
    try {
      const response = await fetch(url);
      expect(response.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
    } finally {
      await secure.stop();
    }
  });

  it('proxies /graphql to the gateway with body and cookies both ways', async () => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: 'dash_session=xyz' },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    expect(response.headers.get('set-cookie')).toContain('dash_session=abc');
    expect(await response.json()).toEqual({
      path: '/graphql',
      method: 'POST',
      cookie: 'dash_session=xyz',
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
  });

  it('reads its configuration from the environment and names a bad variable', () => {
    expect(loadShellConfig({ NODE_ENV: 'test' })).toEqual({
      host: '127.0.0.1',
      port: 9000,
      gatewayUrl: 'http://127.0.0.1:4000/graphql',
      https: false,
      watchBuilds: false,
    });
    expect(loadShellConfig({ NODE_ENV: 'production' })).toMatchObject({
      https: true,
      watchBuilds: false,
    });
    expect(loadShellConfig({ NODE_ENV: 'development' }).watchBuilds).toBe(true);
    expect(() => loadShellConfig({ NODE_ENV: 'test', DASH_GATEWAY_URL: 'ftp://gateway' })).toThrow(
      /DASH_GATEWAY_URL: must be a URL/,
    );
  });
});
