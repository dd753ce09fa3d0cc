import { createApp, h } from 'vue';
import singleSpaVue from 'single-spa-vue';
import { createDashI18n, cssLifecycles } from '@dash/web-kit';
import LoginFlow from './LoginFlow.vue';
import { messages } from './messages.js';

// The stylesheet sits next to this module wherever the shell serves it from.
const css = cssLifecycles(new URL(/* @vite-ignore */ './login.css', import.meta.url).href);
let disposeI18n: (() => void) | undefined;

/** The link's token is the last part of /login/<token>; plain /login is the self-serve sign-in. */
const tokenFromLocation = () =>
  decodeURIComponent(window.location.pathname.split('/login/')[1] ?? '');

const vue = singleSpaVue({
  createApp,
  appOptions: { render: () => h(LoginFlow, { token: tokenFromLocation() }) },
  handleInstance(app) {
    const { i18n, dispose } = createDashI18n(messages);
    disposeI18n = dispose;
    app.use(i18n);
  },
});

export const bootstrap = [css.bootstrap, vue.bootstrap];
export const mount = [css.mount, vue.mount];
export const unmount = [
  vue.unmount,
  css.unmount,
  async () => {
    disposeI18n?.();
  },
];
