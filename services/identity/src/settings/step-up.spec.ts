import { describe, expect, it } from 'vitest';
import { DashError } from '@dash/errors';
import { asStepUpRefusal, stepUp } from './step-up.rules.js';

describe('a step-up refusal', () => {
  it('keeps its words and details but no longer reads as signed out', () => {
    const ended = new DashError('UNAUTHENTICATED', 'This code has expired.', {
      reason: 'CODE_EXPIRED',
    });
    expect(asStepUpRefusal(ended)).toMatchObject({
      message: 'This code has expired.',
      extensions: { code: 'FAILED_PRECONDITION', reason: 'CODE_EXPIRED' },
    });
    const other = new DashError('RATE_LIMITED', 'Wait.');
    expect(asStepUpRefusal(other)).toBe(other);
  });

  it('is how a step-up step fails', async () => {
    await expect(
      stepUp(() => Promise.reject(new DashError('UNAUTHENTICATED', 'Ended.'))),
    ).rejects.toMatchObject({ extensions: { code: 'FAILED_PRECONDITION' } });
    await expect(stepUp(() => Promise.resolve(7))).resolves.toBe(7);
  });
});
