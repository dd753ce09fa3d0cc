import { describe, expect, it } from 'vitest';
import { checkField } from './field-checks.rules.js';
import type { FieldRule } from './requirement-table.rules.js';

const rule = (key: string, kind: FieldRule['kind'], options?: string[]): FieldRule => ({
  key,
  step: 'representative',
  kind,
  due: 'currently',
  ...(options ? { options } : {}),
});
const us = { country: 'US', livemode: true, now: new Date('2026-01-01T00:00:00Z') };

describe('field checks', () => {
  it('normalises what it accepts', () => {
    expect(checkField(rule('business_profile.url', 'url'), ' jo.example ', us)).toEqual({
      ok: true,
      value: 'https://jo.example',
    });
    expect(checkField(rule('individual.email', 'email'), 'Jo@Example.com', us)).toEqual({
      ok: true,
      value: 'jo@example.com',
    });
    expect(checkField(rule('individual.id_number', 'id_number'), '123-45-6789', us)).toEqual({
      ok: true,
      value: '123456789',
    });
  });

  it('refuses with a code the screens translate', () => {
    const refused = (key: string, kind: FieldRule['kind'], value: string, options?: string[]) =>
      checkField(rule(key, kind, options), value, us);
    expect(refused('individual.dob', 'date', '2015-01-01')).toMatchObject({ code: 'too_young' });
    expect(refused('owners.0.dob', 'date', '2015-01-01')).toMatchObject({ ok: true });
    expect(refused('individual.dob', 'date', '01/02/1990')).toMatchObject({ code: 'invalid_date' });
    expect(refused('business_type', 'select', 'other', ['individual'])).toMatchObject({
      code: 'invalid_option',
    });
    expect(refused('owners.0.percent_ownership', 'percent', '0')).toMatchObject({
      code: 'invalid_percent',
    });
    expect(refused('company.tax_id', 'id_number', '12')).toMatchObject({ code: 'invalid_tax_id' });
  });

  it('takes the documented test id numbers in test mode only', () => {
    const id = rule('individual.id_number', 'id_number');
    expect(checkField(id, '000000000', { ...us, country: 'SG', livemode: false })).toMatchObject({
      ok: true,
    });
    expect(checkField(id, '000000000', { ...us, country: 'SG' })).toMatchObject({
      code: 'invalid_id_number',
    });
  });
});
