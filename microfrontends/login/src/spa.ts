import { vueMicrofrontend } from '@dash/web-kit';
import LoginFlow from './LoginFlow.vue';
import { messages } from './messages.js';

/** The link's token is the last part of /login/<token>; plain /login is the self-serve sign-in. */
const tokenFromLocation = () =>
  decodeURIComponent(window.location.pathname.split('/login/')[1] ?? '');

export const { bootstrap, mount, unmount } = vueMicrofrontend({
  component: LoginFlow,
  messages,
  // The stylesheet sits next to this module wherever the shell serves it from.
  cssUrl: new URL(/* @vite-ignore */ './login.css', import.meta.url).href,
  props: () => ({ token: tokenFromLocation() }),
});
