import { vueMicrofrontend } from '@dash/web-kit';
import BalanceCard from './BalanceCard.vue';
import { messages } from './messages.js';

export const { bootstrap, mount, unmount } = vueMicrofrontend({
  component: BalanceCard,
  messages,
  // The stylesheet sits next to this module wherever the shell serves it from.
  cssUrl: new URL(/* @vite-ignore */ './balance.css', import.meta.url).href,
});
