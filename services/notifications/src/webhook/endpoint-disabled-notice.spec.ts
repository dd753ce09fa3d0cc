import { describe, expect, it } from 'vitest';
import {
  describeFailure,
  disabledNoticeDeliveryId,
  technicalAddressOf,
} from './endpoint-disabled-notice.rules.js';

describe('the notice of a disabled endpoint', () => {
  it('says what the last attempt got, briefly', () => {
    expect(
      describeFailure({
        statusCode: 503,
        latencyMs: 20,
        responseExcerpt: ' down\n for  maintenance ',
        error: null,
      }),
    ).toBe('HTTP 503: down for maintenance');
    expect(
      describeFailure({ statusCode: null, latencyMs: 0, responseExcerpt: null, error: 'timeout' }),
    ).toBe('timeout');
    expect(
      describeFailure({
        statusCode: 500,
        latencyMs: 1,
        responseExcerpt: 'x'.repeat(999),
        error: null,
      }).length,
    ).toBe(300);
  });

  it('is one delivery per disabling, another for a later one', () => {
    const at = new Date('2026-01-05T10:00:00Z');
    expect(disabledNoticeDeliveryId('we_1', at)).toBe(disabledNoticeDeliveryId('we_1', at));
    expect(disabledNoticeDeliveryId('we_1', at)).toMatch(/^dlv_/);
    expect(disabledNoticeDeliveryId('we_1', new Date(at.getTime() + 1))).not.toBe(
      disabledNoticeDeliveryId('we_1', at),
    );
  });

  it('goes to the technical address, else the support email, else nowhere', () => {
    expect(
      technicalAddressOf({ technicalEmail: 'dev@x.example', supportEmail: 'help@x.example' }),
    ).toBe('dev@x.example');
    expect(technicalAddressOf({ technicalEmail: null, supportEmail: 'help@x.example' })).toBe(
      'help@x.example',
    );
    expect(technicalAddressOf({ technicalEmail: null, supportEmail: null })).toBeNull();
    expect(technicalAddressOf(null)).toBeNull();
  });
});
