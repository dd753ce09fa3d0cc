import { describe, expect, it } from 'vitest';
import { Account } from './account.entity.js';
import {
  CONTACT_CHANGE_HOLD_MS,
  contactHoldUntil,
  refuseDuringContactHold,
} from './contact-hold.rules.js';

const now = new Date('2026-03-10T12:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);
const HOUR = 60 * 60 * 1000;
const changed = (emailChangedAt: Date | null, phoneChangedAt: Date | null) =>
  Object.assign(new Account(), { emailChangedAt, phoneChangedAt });

describe('the hold after a contact change', () => {
  it('lasts 72 hours from the latest change that is still held', () => {
    const account = changed(ago(HOUR), ago(2 * HOUR));
    expect(contactHoldUntil(account, now)).toEqual(
      new Date(ago(HOUR).getTime() + CONTACT_CHANGE_HOLD_MS),
    );
    expect(contactHoldUntil(account, now, 'phone')).toEqual(
      new Date(ago(2 * HOUR).getTime() + CONTACT_CHANGE_HOLD_MS),
    );
    expect(contactHoldUntil(changed(ago(CONTACT_CHANGE_HOLD_MS), null), now)).toBeNull();
    expect(contactHoldUntil(changed(null, null), now)).toBeNull();
  });

  it('refuses with the time it ends, naming what is paused', () => {
    expect(() =>
      refuseDuringContactHold(changed(ago(HOUR), null), now, 'closing the account'),
    ).toThrow(
      expect.objectContaining({
        message: expect.stringContaining('so closing the account is paused until'),
        extensions: expect.objectContaining({ reason: 'RECENT_CONTACT_CHANGE' }),
      }),
    );
    expect(() => refuseDuringContactHold(changed(null, null), now, 'anything')).not.toThrow();
  });
});
