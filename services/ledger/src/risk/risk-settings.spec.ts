import { describe, expect, it } from 'vitest';
import { applySettingsChange, DEFAULT_RISK_SETTINGS } from './risk-settings.rules.js';

describe('applySettingsChange', () => {
  it('changes what is given and keeps the rest', () => {
    expect(
      applySettingsChange(DEFAULT_RISK_SETTINGS, {
        reservePercent: 25,
        disputeRateThreshold: 0.02,
        windowDays: null,
        automaticInterventions: false,
      }),
    ).toEqual({
      ok: true,
      value: {
        ...DEFAULT_RISK_SETTINGS,
        reservePercent: 25,
        disputeRateThreshold: 0.02,
        automaticInterventions: false,
      },
    });
  });

  it('takes each range’s ends', () => {
    const check = applySettingsChange(DEFAULT_RISK_SETTINGS, {
      reservePercent: 50,
      reserveDays: 1,
      windowDays: 90,
    });
    expect(check).toMatchObject({ ok: true, value: { reservePercent: 50, reserveDays: 1 } });
  });

  it.each([
    ['reservePercent', 0],
    ['reservePercent', 51],
    ['reserveDays', 121],
    ['windowDays', 6],
    ['windowDays', 91],
    ['disputeRateThreshold', 0],
    ['refundRateThreshold', 1.5],
    ['severeFactor', 0.5],
    ['minimumCharges', 0],
    ['volumeChangeFactor', Number.NaN],
    ['payoutFailuresThreshold', Number.POSITIVE_INFINITY],
  ])('refuses %s = %s, naming the field', (field, value) => {
    expect(applySettingsChange(DEFAULT_RISK_SETTINGS, { [field]: value })).toMatchObject({
      ok: false,
      field,
    });
  });

  it('refuses a fraction where a whole number is due', () => {
    expect(applySettingsChange(DEFAULT_RISK_SETTINGS, { reserveDays: 7.5 })).toEqual({
      ok: false,
      field: 'reserveDays',
      message: 'reserveDays must be a whole number.',
    });
  });
});
