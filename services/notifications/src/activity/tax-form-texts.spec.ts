import { describe, expect, it } from 'vitest';
import { renderTemplate } from '../delivery/templates.rules.js';
import { activityText } from './activity-texts.rules.js';
import { LOCALES, taxFormName } from './formats.rules.js';
import { hrefOf } from './subject.rules.js';

describe('tax form texts', () => {
  it('name a form as the IRS does, and lead to the Tax forms page', () => {
    expect(taxFormName('us_1099_k')).toBe('1099-K');
    expect(taxFormName('us_1099_nec')).toBe('1099-NEC');
    expect(hrefOf('tax_form', 'taxform_1')).toBe('/tax-forms');
  });

  it('tell the account its form is ready, corrected or not, in every language', () => {
    const ready = { form: '1099-K', year: '2026', corrected: 'false', url: 'https://d/tax-forms' };
    expect(renderTemplate('tax-form-ready', ready)).toMatchObject({
      subject: 'Your 2026 Form 1099-K is ready',
      text: expect.stringContaining('https://d/tax-forms'),
    });
    expect(renderTemplate('tax-form-ready', { ...ready, corrected: 'true' }).subject).toBe(
      'Your corrected 2026 Form 1099-K is ready',
    );
    for (const locale of LOCALES) {
      const message = renderTemplate('tax-form-ready', { ...ready, locale });
      expect(message.subject, locale).toContain('1099-K');
      expect(message.text, locale).toContain('https://d/tax-forms');
      const item = activityText(
        'tax_form.available',
        { taxFormId: 'taxform_1', taxYear: 2026, formType: 'us_1099_k', corrected: false },
        locale,
      );
      expect(item.title, locale).toContain('2026');
    }
  });

  it('send the code that confirms a change of tax information', () => {
    expect(renderTemplate('confirm-tax-info', { code: '123456', minutes: '10' })).toMatchObject({
      subject: 'Confirm your tax information',
      text: expect.stringMatching(/^123456 is your code to change your tax information/),
    });
    for (const locale of LOCALES)
      expect(renderTemplate('confirm-tax-info', { code: '123456', locale }).text).toContain(
        '123456',
      );
  });
});
