import { describe, expect, it, vi } from 'vitest';
import {
  amountText,
  createDashI18n,
  createGraphqlClient,
  cssLifecycles,
  formatAmount,
  getLocale,
  GraphqlRequestError,
  matchLocale,
  onDashEvent,
  parseAmount,
  setLocale,
  sharedMessage,
} from '../src/index.js';

describe('locale', () => {
  it('matches browser languages to a supported locale', () => {
    expect(matchLocale(['zh-Hans-CN', 'en'])).toBe('zh-CN');
    expect(matchLocale(['en-GB'])).toBe('en');
    expect(matchLocale(['ja-JP'])).toBe('ja');
    expect(matchLocale(['de-AT', 'en'])).toBe('de');
    expect(matchLocale(['fr-CA'])).toBe('fr');
    expect(matchLocale(['es-419'])).toBe('es');
    expect(matchLocale(['pt-BR', 'not a tag!', 'es-MX'])).toBe('es');
    expect(matchLocale(['pt-BR', 'ko'])).toBe('en');
  });

  it('persists a switch, announces it once, and re-translates i18n instances', () => {
    setLocale('en');
    const { i18n, dispose } = createDashI18n({
      en: { hello: 'Hello' },
      'zh-CN': { hello: '你好' },
    });
    const heard = vi.fn();
    const stop = onDashEvent('dash:locale-changed', heard);

    expect(i18n.global.t('hello')).toBe('Hello');
    expect(i18n.global.t('nav.payouts')).toBe('Payouts');
    setLocale('zh-CN');
    setLocale('zh-CN');

    expect(heard).toHaveBeenCalledTimes(1);
    expect(heard).toHaveBeenCalledWith({ locale: 'zh-CN' });
    expect(localStorage.getItem('dash.locale')).toBe('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(i18n.global.t('hello')).toBe('你好');
    expect(sharedMessage('nav.payouts')).toBe('提现');
    expect(formatAmount(150000, 'jpy')).toBe('JP¥150,000');

    dispose();
    stop();
    setLocale('en');
    expect(i18n.global.t('hello')).toBe('你好');
    expect(getLocale()).toBe('en');
    expect(formatAmount(-2500, 'usd')).toBe('-$25.00');
  });

  it('fetches a language chosen later before anyone shows it, then switches everyone at once', async () => {
    setLocale('en');
    let arrive!: () => void;
    const arrived = new Promise<void>((resolve) => (arrive = resolve));
    const { i18n, dispose } = createDashI18n({
      en: { hello: 'Hello' },
      'zh-CN': { hello: '你好' },
      ja: async () => (await arrived, { default: { hello: 'こんにちは' } }),
      de: async () => ({ default: { hello: 'Hallo' } }),
      fr: async () => ({ default: { hello: 'Bonjour' } }),
      es: async () => ({ default: { hello: 'Hola' } }),
    });
    const heard = vi.fn();
    const stop = onDashEvent('dash:locale-changed', heard);

    const switching = setLocale('ja');
    await Promise.resolve();
    // Until its words are there, the page stays as it was: no key shows bare.
    expect(getLocale()).toBe('en');
    expect(i18n.global.t('hello')).toBe('Hello');
    arrive();
    await switching;
    expect(heard).toHaveBeenCalledWith({ locale: 'ja' });
    expect(i18n.global.t('hello')).toBe('こんにちは');
    expect(i18n.global.t('nav.payouts')).toBe('入金');
    expect(sharedMessage('common.signOut')).toBe('ログアウト');
    expect(document.documentElement.lang).toBe('ja');
    expect(formatAmount(123456, 'eur')).toBe('€1,234.56');

    // Two quick switches: the later one wins, whichever words arrive first.
    const toGerman = setLocale('de');
    const toFrench = setLocale('fr');
    await Promise.all([toGerman, toFrench]);
    expect(getLocale()).toBe('fr');
    expect(i18n.global.t('hello')).toBe('Bonjour');
    await setLocale('de');
    expect(formatAmount(123456, 'usd')).toBe('1.234,56\u00a0$');

    dispose();
    stop();
    await setLocale('en');
  });
});

describe('amounts as people type them', () => {
  it('reads the locale’s decimal mark only, and writes it back', () => {
    expect(parseAmount('12.50', 'usd', 'en')).toBe(1250);
    expect(parseAmount(' 12,50 ', 'eur', 'de')).toBe(1250);
    expect(parseAmount('1500', 'jpy', 'fr')).toBe(1500);
    // A mark that means something else in that language is refused, not guessed at.
    expect(() => parseAmount('1.250', 'eur', 'de')).toThrow(RangeError);
    expect(() => parseAmount('1,250', 'usd', 'en')).toThrow(RangeError);
    expect(() => parseAmount('12,5,0', 'eur', 'es')).toThrow(RangeError);
    expect(amountText(1250, 'eur', 'fr')).toBe('12,50');
    expect(amountText(1250, 'usd', 'ja')).toBe('12.50');
  });
});

describe('css lifecycles', () => {
  it('adds the stylesheet on mount and removes it on unmount', async () => {
    const css = cssLifecycles('/apps/balance/balance.css');
    const mounting = css.mount();
    const link = document.head.querySelector<HTMLLinkElement>(
      'link[href="/apps/balance/balance.css"]',
    );
    expect(link?.rel).toBe('stylesheet');
    link?.dispatchEvent(new Event('load'));
    await mounting;
    await css.unmount();
    expect(document.head.querySelector('link[href="/apps/balance/balance.css"]')).toBeNull();
  });
});

describe('graphql client', () => {
  const respond = (body: unknown) =>
    vi.fn(
      async () =>
        new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }),
    );

  it('returns data', async () => {
    const client = createGraphqlClient({
      url: 'http://dash.test/graphql',
      fetch: respond({ data: { me: { id: 'acct_1' } } }),
    });
    expect(await client.query('{ me { id } }')).toEqual({ me: { id: 'acct_1' } });
  });

  it('turns GraphQL errors into typed errors with the server code', async () => {
    const client = createGraphqlClient({
      url: 'http://dash.test/graphql',
      fetch: respond({
        data: null,
        errors: [
          {
            message: 'first must not be greater than 100',
            extensions: { code: 'BAD_USER_INPUT', field: 'first' },
          },
        ],
      }),
    });
    const error = await client.query('{ me { id } }').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GraphqlRequestError);
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'first',
      message: 'first must not be greater than 100',
    });
  });

  it('sends a traceparent of its own with every request', async () => {
    const fetch = respond({ data: { me: { id: 'acct_1' } } });
    const client = createGraphqlClient({ url: 'http://dash.test/graphql', fetch });
    await client.query('{ me { id } }');
    await client.query('{ me { id } }');
    const sent = fetch.mock.calls.map((call) => {
      const init = (call as unknown as [unknown, RequestInit])[1];
      return new Headers(init.headers).get('traceparent');
    });
    expect(sent).toHaveLength(2);
    for (const header of sent) expect(header).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    const traceIds = sent.map((header) => header!.split('-')[1]);
    expect(new Set(traceIds).size).toBe(2);
    expect(traceIds).not.toContain('0'.repeat(32));
  });

  it('reports an unreachable server as NETWORK_ERROR', async () => {
    const client = createGraphqlClient({
      url: 'http://dash.test/graphql',
      fetch: vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    });
    await expect(client.query('{ me { id } }')).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
  });
});

describe('text on the accent colour', () => {
  it('picks whichever of black and white contrasts more', async () => {
    const { textColorOn } = await import('../src/index.js');
    expect(textColorOn('#5b4cf0')).toBe('#ffffff');
    expect(textColorOn('#ffd60a')).toBe('#000000');
    expect(textColorOn('#0a2540')).toBe('#ffffff');
    expect(textColorOn('not a colour')).toBe('#ffffff');
  });
});
