import { vueMicrofrontend } from '@dash/web-kit';
import PaymentsPage from './PaymentsPage.vue';
import { messages } from './messages.js';

export const { bootstrap, mount, unmount } = vueMicrofrontend({
  component: PaymentsPage,
  messages,
  // The stylesheet sits next to this module wherever the shell serves it from.
  cssUrl: new URL(/* @vite-ignore */ './payments.css', import.meta.url).href,
});
