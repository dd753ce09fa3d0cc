import { describe, expect, it } from 'vitest';
import { OperationLabels, UNKNOWN_OPERATION } from '../src/index.js';

describe('operation labels', () => {
  it('keeps real operation names and folds anonymous and malformed ones into one label', () => {
    const labels = new OperationLabels();
    expect(labels.labelOf('BalanceCard')).toBe('BalanceCard');
    for (const name of [
      undefined,
      null,
      '',
      'has space',
      'x"} 1\nfake_metric 2',
      '9starts',
      'a'.repeat(81),
    ])
      expect(labels.labelOf(name)).toBe(UNKNOWN_OPERATION);
  });

  it('stops taking new names past its budget, but keeps answering the ones it has', () => {
    const labels = new OperationLabels(3);
    const seen = ['A', 'B', 'C', 'D', 'E'].map((name) => labels.labelOf(name));
    expect(seen).toEqual(['A', 'B', 'C', UNKNOWN_OPERATION, UNKNOWN_OPERATION]);
    expect(labels.labelOf('B')).toBe('B');
  });
});
