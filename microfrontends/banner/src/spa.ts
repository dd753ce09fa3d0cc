import { vueMicrofrontend } from '@dash/web-kit';
import NotificationBanner from './NotificationBanner.vue';
import { messages } from './messages.js';

export const { bootstrap, mount, unmount } = vueMicrofrontend({
  component: NotificationBanner,
  messages,
  // The stylesheet sits next to this module wherever the shell serves it from.
  cssUrl: new URL(/* @vite-ignore */ './banner.css', import.meta.url).href,
});
