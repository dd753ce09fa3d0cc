import { isEmbedded, vueMicrofrontend } from '@dash/web-kit';
import OnboardingFlow from './OnboardingFlow.vue';
import { messages } from './messages.js';

/**
 * An account link is /onboarding/<link id>/<secret>, and both parts are the token; plain
 * /onboarding is a signed-in account adding what is due. The flow redeems the token and then replaces the address
 * with /onboarding, so a reload never tries a used token again.
 */
const tokenFromLocation = () =>
  decodeURIComponent(window.location.pathname.split('/onboarding/')[1] ?? '');

/** `/onboarding?edit=representative`: Settings' "Edit" for one part of the details. */
const editFromLocation = () => new URLSearchParams(window.location.search).get('edit') ?? '';

export const { bootstrap, mount, unmount } = vueMicrofrontend({
  component: OnboardingFlow,
  messages,
  // The stylesheet sits next to this module wherever the shell serves it from.
  cssUrl: new URL(/* @vite-ignore */ './onboarding.css', import.meta.url).href,
  // Embedded in a platform's page, the address is the platform's: no account link is in it.
  props: () =>
    isEmbedded() ? { token: '' } : { token: tokenFromLocation(), edit: editFromLocation() },
});
