import { vueMicrofrontend } from '@dash/web-kit';
import DisputesPage from './DisputesPage.vue';
import { messages } from './messages.js';

export const { bootstrap, mount, unmount } = vueMicrofrontend({
  component: DisputesPage,
  messages,
  // The stylesheet sits next to this module wherever the shell serves it from.
  cssUrl: new URL(/* @vite-ignore */ './disputes.css', import.meta.url).href,
});
