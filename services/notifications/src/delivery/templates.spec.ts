import { describe, expect, it } from 'vitest';
import { LOCALES } from '../activity/formats.rules.js';
import { renderTemplate, TEMPLATE_NAMES, UnknownTemplateError } from './templates.rules.js';

describe('message templates', () => {
  it('write a sign-in code in the account’s language', () => {
    expect(renderTemplate('login-code', { code: '123456', minutes: '10' })).toEqual({
      subject: 'Your sign-in code',
      text: '123456 is your sign-in code. It expires in 10 minutes. Never share it.',
    });
    expect(renderTemplate('login-code', { code: '123456', locale: 'zh-CN' }).subject).toBe(
      '您的登录验证码',
    );
  });

  it('write a code in each of the six languages', () => {
    const sent = (locale: string) => renderTemplate('login-code', { code: '123456', locale });
    expect(sent('ja')).toEqual({
      subject: 'ログインコード',
      text: '123456 はログインコードです。有効期限は 10 分です。このコードは誰にも教えないでください。',
    });
    expect(sent('de').subject).toBe('Ihr Anmeldecode');
    expect(sent('fr').text).toMatch(/^123456 est votre code de connexion\./);
    expect(sent('es').text).toMatch(/^123456 es su código de inicio de sesión\./);
    // A language nobody speaks here reads as English.
    expect(sent('pt-BR').subject).toBe('Your sign-in code');
  });

  it('state when a contact changed as the reader writes a moment', () => {
    const changed = (locale: string) =>
      renderTemplate('contact-changed', {
        what: 'email',
        at: '2026-03-09T14:05:00.000Z',
        by: 'platform',
        locale,
      }).text;
    expect(changed('en')).toContain('was changed at Mar 9, 2026, 2:05 PM UTC (by your platform');
    expect(changed('de')).toContain('wurde am 09.03.2026, 14:05 UTC geändert');
  });

  it('have a subject and a text in every language for every message', () => {
    for (const name of TEMPLATE_NAMES)
      for (const locale of LOCALES) {
        const message = renderTemplate(name, { locale });
        expect(message.subject.length).toBeGreaterThan(0);
        expect(message.text.length).toBeGreaterThan(0);
      }
  });

  it('refuse a message it does not know', () => {
    expect(() => renderTemplate('nope', {})).toThrow(UnknownTemplateError);
    expect(() => renderTemplate('constructor', {})).toThrow(UnknownTemplateError);
  });
});
