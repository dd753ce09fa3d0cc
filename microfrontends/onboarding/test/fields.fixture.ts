import type { FieldKind, OnboardingField } from '../src/onboarding-api.js';

/** A field as the server lists it: required and empty unless `extra` says otherwise. */
export const field = (
  key: string,
  kind: FieldKind = 'text',
  extra: Partial<OnboardingField> = {},
): OnboardingField => ({
  key,
  kind,
  required: true,
  value: null,
  options: null,
  error: null,
  errorCode: null,
  ...extra,
});
