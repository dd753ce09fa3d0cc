import { DashError } from '@dash/errors';

/**
 * A step-up code's refusal as a signed-in caller must see it: only its code request ended, and
 * UNAUTHENTICATED would read as "signed out" to the dashboard, so the same refusal travels as
 * a failed precondition. Anything else passes unchanged.
 */
export function asStepUpRefusal(error: unknown): unknown {
  if (!(error instanceof DashError) || error.extensions.code !== 'UNAUTHENTICATED') return error;
  const { code: _unauthenticated, ...details } = error.extensions;
  return new DashError('FAILED_PRECONDITION', error.message, details);
}

/** Runs one step of a step-up change, its code refusals as `asStepUpRefusal` words them. */
export async function stepUp<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw asStepUpRefusal(error);
  }
}
