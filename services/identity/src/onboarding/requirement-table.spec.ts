import { describe, expect, it } from 'vitest';
import { requirementRules, ruleFor, stepsFor } from './requirement-table.rules.js';

describe('the requirement table', () => {
  it('asks only the business type until one is chosen', () => {
    expect(requirementRules('US', null).map((rule) => rule.key)).toEqual(['business_type']);
    expect(stepsFor(null)).toEqual(['business_type', 'bank', 'review']);
  });

  it('walks a company through its owners, an individual not', () => {
    expect(stepsFor('company')).toContain('owners');
    expect(stepsFor('non_profit')).toContain('company');
    expect(stepsFor('individual')).not.toContain('owners');
  });

  it('shows the documents step only when a document is asked for, before the bank', () => {
    expect(stepsFor('individual')).not.toContain('documents');
    expect(stepsFor('individual', { documents: true })).toEqual([
      'business_type',
      'business',
      'representative',
      'documents',
      'bank',
      'review',
    ]);
  });

  it('knows the rule of an owner it has not seen yet, and no unknown key', () => {
    expect(ruleFor('US', 'company', 'owners.3.dob')).toMatchObject({
      step: 'owners',
      kind: 'date',
    });
    expect(ruleFor('US', 'individual', 'owners.0.dob')).toBeUndefined();
    expect(ruleFor('US', 'individual', 'no.such.key')).toBeUndefined();
  });
});
