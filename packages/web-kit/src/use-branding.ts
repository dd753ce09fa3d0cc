import { onScopeDispose, shallowRef, type Ref } from 'vue';
import { getBranding, onDashEvent, type Branding } from './state.js';

/** The platform's shared branding (name, colour, support contact) as a Vue ref that follows it. */
export function useBranding(): Ref<Branding> {
  const branding = shallowRef(getBranding());
  onScopeDispose(
    onDashEvent('dash:branding-changed', (detail) => (branding.value = detail.branding)),
  );
  return branding;
}
