import { createHash } from 'node:crypto';
import http from 'node:http';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MICROFRONTENDS, type MicrofrontendEntry } from '@dash/manifest';
import { createShellServer } from '../src/server/index.js';
import { importMapOf, linkedUrls, startShellBefore } from './support.js';

/** What issue #18 allows Home to download, compressed, on a cold cache. */
const HOME_SCRIPT_BUDGET = 150_000;

const IMMUTABLE = 'public, max-age=31536000, immutable';

let base = '';
let stopShell: () => Promise<void>;
let html = '';

beforeAll(async () => {
  ({ base, stop: stopShell } = await startShellBefore(http.createServer()));
  html = await (await fetch(base)).text();
});
afterAll(() => stopShell());

/** Raw bytes as sent, without fetch's automatic decoding. */
function rawGet(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
    (resolve, reject) => {
      http
        .get(url, { headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
          );
        })
        .on('error', reject);
    },
  );
}

/** Every URL the page names: import map, scripts, module preloads and stylesheets. */
const pageUrls = () => [
  ...Object.values(importMapOf(html)),
  ...linkedUrls(html, 'script'),
  ...linkedUrls(html, 'modulepreload'),
  ...linkedUrls(html, 'stylesheet'),
];

describe('static assets', () => {
  it('names every script and stylesheet by a versioned URL, served immutable; the page is no-cache', async () => {
    expect((await fetch(base)).headers.get('cache-control')).toBe('no-cache');
    const urls = pageUrls();
    expect(urls.length).toBeGreaterThan(15);
    for (const url of urls) {
      expect(url).toMatch(/^\/(vendor|shell|apps\/[a-z-]+)\/[0-9a-f]{16}\/[\w.-]+\.(js|css)$/);
      const response = await fetch(`${base}${url}`);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('cache-control'), url).toBe(IMMUTABLE);
    }
  });

  it('sends brotli or gzip as the browser accepts, with Vary, and the plain bytes otherwise', async () => {
    const url = `${base}${importMapOf(html)['@dash/earnings']}`;
    const plain = await rawGet(url, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-type']).toMatch(/^text\/javascript/);
    expect(Number(plain.headers['content-length'])).toBe(plain.body.length);
    expect(plain.headers.vary).toBe('Accept-Encoding');

    const br = await rawGet(url, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(br.headers['content-type']).toMatch(/^text\/javascript/);
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(plain.body.length / 2);
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);

    const gzip = await rawGet(url, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(Number(gzip.headers['content-length'])).toBe(gzip.body.length);
    expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);

    // Refusing brotli by quality, or sending no Accept-Encoding at all.
    const refused = await rawGet(url, { 'accept-encoding': 'br;q=0, gzip' });
    expect(refused.headers['content-encoding']).toBe('gzip');
    const none = await rawGet(url);
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.body.equals(plain.body)).toBe(true);
  });

  it('answers 304 to the ETag of the same encoding, and sends the bytes for another', async () => {
    const url = `${base}${linkedUrls(html, 'stylesheet')[0]}`;
    const first = await rawGet(url, { 'accept-encoding': 'br' });
    const etag = first.headers.etag!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await rawGet(url, { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const otherEncoding = await rawGet(url, { 'accept-encoding': 'gzip', 'if-none-match': etag });
    expect(otherEncoding.status).toBe(200);
    expect(otherEncoding.headers.etag).not.toBe(etag);
  });

  it('no longer serves a file at its plain URL', async () => {
    for (const url of ['/vendor/vue.js', '/shell/root-config.js', '/apps/earnings/earnings.js']) {
      expect((await fetch(`${base}${url}`)).status, url).toBe(404);
    }
  });

  it('keeps the scripts Home downloads on a cold cache within 150 KB of brotli, in every language', async () => {
    const imports = importMapOf(html);
    const home = /<route path="\/" exact>([\s\S]*?)<\/route>/.exec(html)![1]!;
    const applications = new Set(
      [...home.matchAll(/<application name="([^"]+)">/g)].map((match) => match[1]!),
    );
    const everyApplication = new Set<string>(MICROFRONTENDS.map((entry) => entry.package));
    // The page's own scripts, the shared libraries they import, Home's micro-frontends, and
    // every module those import by relative URL (chunks, eagerly or lazily).
    const pending = [
      ...linkedUrls(html, 'script'),
      ...linkedUrls(html, 'modulepreload'),
      ...Object.entries(imports)
        .filter(([name]) => !everyApplication.has(name) || applications.has(name))
        .map(([, url]) => url),
    ];
    const sizes = new Map<string, number>();
    while (pending.length > 0) {
      const url = pending.pop()!;
      if (sizes.has(url)) continue;
      const response = await rawGet(`${base}${url}`, { 'accept-encoding': 'br, gzip' });
      expect(response.status, url).toBe(200);
      sizes.set(url, response.body.length);
      const code = brotliDecompressSync(response.body).toString();
      for (const [, relative] of code.matchAll(/(?:from|import)\s*\(?\s*["'](\.\.?\/[^"']+)["']/g))
        pending.push(new URL(relative!, `http://page${url}`).pathname);
    }
    expect(sizes.size).toBeGreaterThanOrEqual(4 + 1 + applications.size);
    // A language fetched when chosen is a chunk of its words beside each module that has words:
    // a page downloads those of its own language only (English and Chinese ship inside).
    const languageOf = (url: string) => /\/(ja|de|fr|es)-[\w-]+\.js$/.exec(url)?.[1] ?? null;
    const laterLanguages = new Set([...sizes.keys()].map(languageOf).filter(Boolean));
    expect(laterLanguages).toEqual(new Set(['ja', 'de', 'fr', 'es']));
    for (const language of [null, ...laterLanguages]) {
      const downloaded = [...sizes].filter(
        ([url]) => languageOf(url) === null || languageOf(url) === language,
      );
      const total = downloaded.reduce((sum, [, size]) => sum + size, 0);
      expect(
        total,
        `${language ?? 'en'}: ${JSON.stringify(Object.fromEntries(downloaded), null, 1)}`,
      ).toBeLessThanOrEqual(HOME_SCRIPT_BUDGET);
    }
  });
});

describe('a changed file', () => {
  const folder = mkdtempSync(join(tmpdir(), 'dash-shell-probe-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const probe: MicrofrontendEntry = {
    name: 'probe',
    package: '@dash/probe',
    folder,
    routes: ['probe'],
  };

  const build = (files: Record<string, string>) => {
    mkdirSync(join(folder, 'dist'), { recursive: true });
    for (const [name, text] of Object.entries(files))
      writeFileSync(join(folder, 'dist', name), text);
  };
  const entryOf = async (url: string) =>
    importMapOf(await (await fetch(url)).text())['@dash/probe']!;

  async function servedProbe(files: Record<string, string>, watchBuilds = false) {
    build(files);
    const shell = createShellServer({
      host: '127.0.0.1',
      port: 0,
      gatewayUrl: 'http://127.0.0.1:9/graphql',
      microfrontends: [probe],
      watchBuilds,
    });
    const { url } = await shell.start();
    return { url, entry: await entryOf(url), stop: () => shell.stop() };
  }

  it('gets a new URL, and so does every file built with it', async () => {
    const before = await servedProbe({ 'probe.js': 'export const v = 1;', 'probe.css': 'a{}' });
    await before.stop();
    // Only the stylesheet changes: the module that loads it by a relative URL moves too.
    const after = await servedProbe({ 'probe.css': 'a{color:red}' });
    try {
      expect(after.entry).not.toBe(before.entry);
      expect((await fetch(`${after.url}${before.entry}`)).status).toBe(404);
      const css = await fetch(`${after.url}${after.entry.replace(/probe\.js$/, 'probe.css')}`);
      expect(await css.text()).toBe('a{color:red}');
    } finally {
      await after.stop();
    }
  });

  it('is served without a restart when the shell follows the builds (development)', async () => {
    const shell = await servedProbe({ 'probe.js': 'export const v = 2;' }, true);
    try {
      build({ 'probe.js': 'export const v = 3;' });
      let entry = shell.entry;
      for (let tries = 0; entry === shell.entry && tries < 50; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        entry = await entryOf(shell.url);
      }
      expect(entry).not.toBe(shell.entry);
      const response = await fetch(`${shell.url}${entry}`);
      expect(await response.text()).toBe('export const v = 3;');
      // The page's policy follows its new import map.
      const page = await fetch(shell.url);
      const importMap = /<script type="importmap">([\s\S]*?)<\/script>/.exec(
        await page.text(),
      )![1]!;
      const hash = createHash('sha256').update(importMap).digest('base64');
      expect(page.headers.get('content-security-policy')).toContain(`'sha256-${hash}'`);
    } finally {
      await shell.stop();
    }
  });
});
