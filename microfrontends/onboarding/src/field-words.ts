import {
  formatDate,
  humaniseRequirement,
  requirementMessageKey,
  useI18n,
  useLocale,
} from '@dash/web-kit';
import type { OnboardingField } from './onboarding-api.js';

const SAFE_KEY = /^[A-Za-z0-9_-]+$/;

/** The words for fields, options and refusals, in the current language. */
export function useFieldWords() {
  const { t, te } = useI18n();
  const locale = useLocale();

  const known = (path: string) => te(path, 'en');

  /** The field's label, and whether it had words (a humanised key is shown capitalised by CSS). */
  function label(key: string): { text: string; known: boolean } {
    const path = `onboarding.fields.${requirementMessageKey(key)}`;
    return known(path)
      ? { text: t(path), known: true }
      : { text: humaniseRequirement(key), known: false };
  }

  function regionName(code: string): string {
    try {
      return new Intl.DisplayNames([locale.value], { type: 'region' }).of(code) ?? code;
    } catch {
      return code;
    }
  }

  function optionLabel(field: OnboardingField, option: string): string {
    if (field.kind === 'country') return regionName(option);
    if (!SAFE_KEY.test(option)) return option;
    const path = `onboarding.options.${requirementMessageKey(field.key)}.${option}`;
    return known(path) ? t(path) : option;
  }

  /** A refusal in words: localized by its code, the server's message otherwise. */
  function problemText(code: string | null | undefined, message: string): string {
    const path = `onboarding.errors.${code ?? ''}`;
    return code && SAFE_KEY.test(code) && known(path) ? t(path) : message;
  }

  /** A saved value as the review shows it (masked ones as they come). */
  function display(field: OnboardingField): string {
    const value = field.value;
    if (field.kind === 'checkbox') return t(value === 'true' ? 'onboarding.yes' : 'onboarding.no');
    // A document's value is what its review found; none sent yet is "needed".
    if (field.kind === 'document')
      return t(
        `onboarding.documents.status.${value === 'pending' || value === 'verified' || value === 'failed' ? value : 'needed'}`,
      );
    if (!value) return t('onboarding.notProvided');
    if (field.kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
      // A calendar date, not an instant: format it in UTC so no time zone moves the day.
      return formatDate(`${value}T00:00:00Z`, { dateStyle: 'long', timeZone: 'UTC' });
    }
    if (field.kind === 'percent' && Number.isFinite(Number(value))) {
      return new Intl.NumberFormat(locale.value, {
        style: 'percent',
        maximumFractionDigits: 2,
      }).format(Number(value) / 100);
    }
    if (field.kind === 'select' || field.kind === 'country') return optionLabel(field, value);
    return value;
  }

  /** A step's name; a step this app has no words for is named by its key, humanised. */
  const stepName = (key: string) =>
    SAFE_KEY.test(key) && known(`onboarding.steps.${key}`)
      ? t(`onboarding.steps.${key}`)
      : humaniseRequirement(key);
  const stepIntro = (key: string) =>
    SAFE_KEY.test(key) && known(`onboarding.intros.${key}`) ? t(`onboarding.intros.${key}`) : '';

  return { label, optionLabel, problemText, display, regionName, stepName, stepIntro, locale };
}
