import { describe, expect, it } from 'vitest';
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

  it('have a subject and a text in both languages for every message', () => {
    for (const name of TEMPLATE_NAMES)
      for (const locale of ['en', 'zh-CN']) {
        const message = renderTemplate(name, { locale });
        expect(message.subject.length).toBeGreaterThan(0);
        expect(message.text.length).toBeGreaterThan(0);
      }
  });

  it('refuse a message it does not know', () => {
    expect(() => renderTemplate('nope', {})).toThrow(UnknownTemplateError);
  });
});
