import { describe, expect, it } from 'vitest';
import {
  AWAITING_RESPONSE,
  CLOSED_STATUSES,
  closedAs,
  isInquiry,
  underReview,
} from './dispute.rules.js';

describe('dispute statuses', () => {
  it('waits for an answer to a chargeback or an inquiry', () => {
    expect(AWAITING_RESPONSE).toEqual(['warning_needs_response', 'needs_response']);
  });

  it('closes an inquiry without an outcome, a chargeback won or lost', () => {
    expect(closedAs('warning_needs_response', 'won')).toBe('warning_closed');
    expect(closedAs('under_review', 'won')).toBe('won');
    expect(closedAs('needs_response', 'lost')).toBe('lost');
    expect(CLOSED_STATUSES).toEqual(['warning_closed', 'won', 'lost']);
  });

  it('sends evidence to review in the same kind of dispute', () => {
    expect(underReview('warning_needs_response')).toBe('warning_under_review');
    expect(underReview('needs_response')).toBe('under_review');
    expect(isInquiry('warning_under_review')).toBe(true);
    expect(isInquiry('under_review')).toBe(false);
  });
});
