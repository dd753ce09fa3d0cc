import { onScopeDispose, ref, type Ref } from 'vue';
import type { Locale } from './locale.js';
import { getLocale, onDashEvent } from './state.js';

/** The shared locale as a Vue ref, for components that format with Intl directly. */
export function useLocale(): Ref<Locale> {
  const locale = ref(getLocale());
  onScopeDispose(onDashEvent('dash:locale-changed', (detail) => (locale.value = detail.locale)));
  return locale;
}
