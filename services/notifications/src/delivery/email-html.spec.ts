import { describe, expect, it } from 'vitest';
import { renderEmailHtml, type EmailBrand } from './email-html.rules.js';
import { httpUrl, mailtoUrl, markup, telUrl } from './html.rules.js';
import { hexColorOr, textColorOn } from './readable-text.rules.js';

const brand: EmailBrand = {
  name: 'Rocket Rides',
  color: '#0a7d4f',
  iconSrc: 'https://dash.example/platform-icons/plat_1/abc.png',
  supportEmail: 'help@rocketrides.example',
  supportPhone: '+14155550123',
  supportUrl: 'https://rocketrides.example/help',
};
const content = {
  locale: 'en',
  subject: 'A payout failed',
  text: 'Check your bank details in your dashboard: https://dash.example/payouts',
  action: 'https://dash.example/payouts',
};

/** Every URL the markup points at: what a click or an image load would open. */
const targets = (markup: string) =>
  [...markup.matchAll(/\s(?:href|src)\s*=\s*"([^"]*)"/gi)].map((match) => match[1]!);

/** Every tag name in the markup. */
const tags = (markup: string) =>
  new Set([...markup.matchAll(/<\s*([a-z][a-z0-9]*)/gi)].map((match) => match[1]!.toLowerCase()));

describe('email HTML', () => {
  it('shows the platform’s icon, name, colour, button and support contact', () => {
    const markup = renderEmailHtml(content, brand);
    expect(markup).toContain('<img src="https://dash.example/platform-icons/plat_1/abc.png"');
    expect(markup).toContain('>Rocket Rides</span>');
    expect(markup).toContain('border-top:4px solid #0a7d4f');
    expect(markup).toContain('background-color:#0a7d4f');
    expect(markup).toContain('color:#ffffff;text-decoration:none');
    expect(markup).toContain('>Open your dashboard</a>');
    expect(targets(markup)).toEqual([
      'https://dash.example/platform-icons/plat_1/abc.png',
      'https://dash.example/payouts',
      'https://dash.example/payouts',
      'mailto:help@rocketrides.example',
      'tel:+14155550123',
      'https://rocketrides.example/help',
    ]);
    // No remote fonts or styles: everything inline.
    expect(tags(markup)).not.toContain('link');
    expect(tags(markup)).not.toContain('style');
  });

  it('shows the name in the platform’s colour when there is no icon, and only what contact it has', () => {
    const markup = renderEmailHtml(content, {
      ...brand,
      iconSrc: null,
      supportEmail: null,
      supportPhone: null,
    });
    expect(tags(markup)).not.toContain('img');
    expect(markup).toContain('font-weight:700;color:#0a7d4f;">Rocket Rides</span>');
    expect(targets(markup).filter((url) => !url.startsWith('https://dash.example'))).toEqual([
      'https://rocketrides.example/help',
    ]);
    const without = renderEmailHtml(content, {
      ...brand,
      supportEmail: null,
      supportPhone: null,
      supportUrl: null,
    });
    expect(without).not.toContain('Questions?');
  });

  it('escapes hostile names, contacts and texts, and links nothing but http(s), mailto and tel', () => {
    const hostile: EmailBrand = {
      name: `<script>alert(1)</script>"'><img src=x onerror=alert(2)>`,
      color: 'red;background:url(https://evil.example/x)',
      iconSrc: 'javascript:alert(3)',
      supportEmail: '"><script>alert(4)</script>@evil.example',
      supportPhone: 'javascript:alert(5)',
      supportUrl: 'javascript:alert(6)//https://rocketrides.example',
    };
    const markup = renderEmailHtml(
      {
        locale: 'en',
        subject: '<b>Subject</b>',
        text: 'Hi <a href="https://evil.example">Ada</a> & friends\n\njavascript:alert(7)',
        code: '<i>123456</i>',
        action: 'javascript:alert(8)',
      },
      hostile,
    );
    expect(tags(markup)).toEqual(
      new Set([
        'html',
        'head',
        'meta',
        'title',
        'body',
        'div',
        'table',
        'tr',
        'td',
        'span',
        'h1',
        'p',
      ]),
    );
    expect(markup).not.toMatch(/<script|<img|<a\s|<b>|<i>/i);
    expect(targets(markup)).toEqual([]);
    expect(markup).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&gt;');
    expect(markup).toContain(
      'Hi &lt;a href=&quot;https://evil.example&quot;&gt;Ada&lt;/a&gt; &amp; friends',
    );
    // The colour that tried to carry CSS gives way to the default; the contacts stay as text.
    expect(markup).not.toContain('evil.example/x');
    expect(markup).toContain('border-top:4px solid #5b4cf0');
    expect(markup).toContain('javascript:alert(6)//https://rocketrides.example');
  });

  it('speaks the reader’s language and keeps Chinese as written', () => {
    const markup = renderEmailHtml(
      { ...content, locale: 'zh-CN', subject: '一笔提现失败了', text: '资金已退回您的余额。' },
      brand,
    );
    expect(markup).toContain('<html lang="zh-CN">');
    expect(markup).toContain('打开控制台');
    expect(markup).toContain('有疑问？请联系 Rocket Rides：');
    expect(markup).toContain('资金已退回您的余额。');
    const french = renderEmailHtml({ ...content, locale: 'fr' }, brand);
    expect(french).toContain('<html lang="fr">');
    expect(french).toContain('Ouvrir votre tableau de bord');
    expect(french).toContain('Des questions ? Contactez Rocket Rides :');
    // A language the dashboard does not speak reads as English.
    expect(renderEmailHtml({ ...content, locale: 'pt' }, brand)).toContain('<html lang="en">');
  });

  it('shows a one-time code large, and the text line by line', () => {
    const markup = renderEmailHtml(
      { locale: 'en', subject: 'Your sign-in code', text: 'Line one\nline two', code: '482913' },
      brand,
    );
    expect(markup).toMatch(/font-size:32px[^>]*>482913<\/p>/);
    expect(markup).toContain('Line one<br>line two');
    expect(markup).not.toContain('Open your dashboard');
  });
});

describe('HTML building blocks', () => {
  it('escapes every value and nests what html built', () => {
    const inner = markup`<b>${'<i>'}</b>`;
    expect(markup`<p title="${`"x' & y`}">${inner}${['a', '<', null, false]}</p>`.markup).toBe(
      '<p title="&quot;x&#39; &amp; y"><b>&lt;i&gt;</b>a&lt;</p>',
    );
  });

  it('lets only http(s) URLs without credentials, plain addresses and E.164 numbers be links', () => {
    expect(httpUrl('https://rocketrides.example/help?a=1')).toBe(
      'https://rocketrides.example/help?a=1',
    );
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'https://u:p@x.example', 'x', ''])
      expect(httpUrl(bad), bad).toBeNull();
    expect(mailtoUrl('help@rocketrides.example')).toBe('mailto:help@rocketrides.example');
    for (const bad of ['a@b.example?bcc=c@d.example', '"x"@y.example', '<a>@b.example'])
      expect(mailtoUrl(bad), bad).toBeNull();
    expect(telUrl('+14155550123')).toBe('tel:+14155550123');
    expect(telUrl('javascript:1')).toBeNull();
  });

  it('chooses white or black text, whichever reads better, and accepts only hex colours', () => {
    expect(textColorOn('#5b4cf0')).toBe('#ffffff');
    expect(textColorOn('#ffd60a')).toBe('#000000');
    expect(hexColorOr('#0A7D4F', '#000000')).toBe('#0a7d4f');
    expect(hexColorOr('red', '#000000')).toBe('#000000');
    expect(hexColorOr(null, '#000000')).toBe('#000000');
  });
});
