import { vueMicrofrontend } from '@dash/web-kit';
import SettingsPage from './SettingsPage.vue';
import { messages } from './messages.js';

/** `/settings?change=phone` opens the phone change directly. */
const changeFromLocation = () => {
  const change = new URLSearchParams(window.location.search).get('change');
  return change === 'phone' || change === 'email' ? change : '';
};

/**
 * `/settings?saved=representative`: back from changing that part of the details in the
 * onboarding flow. Said once: the address drops it, so a reload does not say it again.
 */
function savedFromLocation(): string {
  const saved = new URLSearchParams(window.location.search).get('saved') ?? '';
  if (saved) window.history.replaceState(window.history.state, '', window.location.pathname);
  return saved;
}

export const { bootstrap, mount, unmount } = vueMicrofrontend({
  component: SettingsPage,
  messages,
  // The stylesheet sits next to this module wherever the shell serves it from.
  cssUrl: new URL(/* @vite-ignore */ './settings.css', import.meta.url).href,
  props: () => ({
    change: changeFromLocation(),
    saved: savedFromLocation(),
  }),
});
