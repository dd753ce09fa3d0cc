import { vueMicrofrontend } from '@dash/web-kit';
import TransactionsList from './TransactionsList.vue';
import { messages } from './messages.js';

export const { bootstrap, mount, unmount } = vueMicrofrontend({
  component: TransactionsList,
  messages,
  // The stylesheet sits next to this module wherever the shell serves it from.
  cssUrl: new URL(/* @vite-ignore */ './transactions.css', import.meta.url).href,
});
