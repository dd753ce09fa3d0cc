import { vueMicrofrontend } from '@dash/web-kit';
import TaxPage from './TaxPage.vue';
import { messages } from './messages.js';

export const { bootstrap, mount, unmount } = vueMicrofrontend({
  component: TaxPage,
  messages,
  // The stylesheet sits next to this module wherever the shell serves it from.
  cssUrl: new URL(/* @vite-ignore */ './tax.css', import.meta.url).href,
});
