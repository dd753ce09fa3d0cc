import { vueMicrofrontend } from '@dash/web-kit';
import EarningsChart from './EarningsChart.vue';
import { messages } from './messages.js';

export const { bootstrap, mount, unmount } = vueMicrofrontend({
  component: EarningsChart,
  messages,
  // The stylesheet sits next to this module wherever the shell serves it from.
  cssUrl: new URL(/* @vite-ignore */ './earnings.css', import.meta.url).href,
});
