import { vueMicrofrontend } from '@dash/web-kit';
import ActivityPage from './ActivityPage.vue';
import { messages } from './messages.js';

export const { bootstrap, mount, unmount } = vueMicrofrontend({
  component: ActivityPage,
  messages,
  // The stylesheet sits next to this module wherever the shell serves it from.
  cssUrl: new URL(/* @vite-ignore */ './activity.css', import.meta.url).href,
});
