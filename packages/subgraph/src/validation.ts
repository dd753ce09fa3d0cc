import { validate, type ValidationError } from 'class-validator';
import { DashError } from '@dash/errors';

function firstProblem(
  errors: ValidationError[],
  path: string[] = [],
): { field: string; message: string } | undefined {
  for (const error of errors) {
    const field = [...path, error.property].join('.');
    const message = Object.values(error.constraints ?? {})[0];
    if (message) return { field, message: message.replace(error.property, field) };
    const nested = firstProblem(error.children ?? [], [...path, error.property]);
    if (nested) return nested;
  }
  return undefined;
}

/**
 * type-graphql's argument validator: class-validator rules on args and inputs, reported as
 * BAD_USER_INPUT with the offending field and a sentence ("first must not be greater than 100").
 */
export async function validateArgs(value: unknown): Promise<void> {
  if (value === null || typeof value !== 'object') return;
  const problem = firstProblem(await validate(value, { forbidUnknownValues: false }));
  if (problem) throw new DashError('BAD_USER_INPUT', problem.message, { field: problem.field });
}
