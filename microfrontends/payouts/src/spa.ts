import { vueMicrofrontend } from '@dash/web-kit';
import PayoutsPage from './PayoutsPage.vue';
import { messages } from './messages.js';

export const { bootstrap, mount, unmount } = vueMicrofrontend({
  component: PayoutsPage,
  messages,
  // The stylesheet sits next to this module wherever the shell serves it from.
  cssUrl: new URL(/* @vite-ignore */ './payouts.css', import.meta.url).href,
});
