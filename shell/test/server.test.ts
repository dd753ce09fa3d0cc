import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createShellServer, loadShellConfig } from '../src/server/index.js';

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
let shell: ReturnType<typeof createShellServer>;

beforeAll(async () => {
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const { port } = upstream.address() as AddressInfo;
  shell = createShellServer({
    host: '127.0.0.1',
    port: 0,
    gatewayUrl: `http://127.0.0.1:${port}/graphql`,
  });
  base = (await shell.start()).url;
});
afterAll(async () => {
  await shell.stop();
  await new Promise((resolve) => upstream.close(resolve));
});

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
    const importMap = JSON.parse(
      /<script type="importmap">([\s\S]*?)<\/script>/.exec(html)![1]!,
    ) as { imports: Record<string, string> };
    expect(Object.keys(importMap.imports)).toEqual([
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
      '@dash/transactions',
    ]);
    for (const url of [...Object.values(importMap.imports), '/shell/root-config.js']) {
      const response = await fetch(`${base}${url}`);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type'), url).toMatch(/javascript/);
    }
    for (const url of ['/vendor/web-kit.css', '/shell/frame.css', '/apps/balance/balance.css']) {
      expect((await fetch(`${base}${url}`)).headers.get('content-type'), url).toMatch(/text\/css/);
    }
  });

  it('answers missing files with 404, not the page', async () => {
    expect((await fetch(`${base}/apps/balance/nope.js`)).status).toBe(404);
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
    expect(loadShellConfig({})).toEqual({
      host: '127.0.0.1',
      port: 9000,
      gatewayUrl: 'http://127.0.0.1:4000/graphql',
    });
    expect(() => loadShellConfig({ DASH_GATEWAY_URL: 'ftp://gateway' })).toThrow(
      /DASH_GATEWAY_URL: must be a URL/,
    );
  });
});
