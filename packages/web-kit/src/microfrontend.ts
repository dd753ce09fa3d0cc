import { createApp, h, type Component } from 'vue';
import singleSpaVue from 'single-spa-vue';
import { cssLifecycles } from './css-lifecycles.js';
import { createDashI18n } from './i18n.js';
import type { AppMessages } from './messages.js';

export interface VueMicrofrontendOptions {
  /** The root component. */
  component: Component;
  /** The app's own words in every language (test/languages.test.ts checks them all). */
  messages: Partial<AppMessages>;
  /** Where the app's stylesheet is: `new URL('./<name>.css', import.meta.url).href`. */
  cssUrl: string;
  /** Props for the root component, read at each mount (e.g. from the URL). */
  props?: () => Record<string, unknown>;
}

/**
 * The single-spa lifecycles of a Vue micro-frontend, the same for every app: its stylesheet is
 * attached while mounted, it shows nothing before its words in the current language are there
 * (a language fetched when chosen included), and it follows the shared locale until unmounted.
 */
export function vueMicrofrontend(options: VueMicrofrontendOptions) {
  const css = cssLifecycles(options.cssUrl);
  let disposeI18n: (() => void) | undefined;
  const vue = singleSpaVue({
    createApp,
    appOptions: { render: () => h(options.component, options.props?.() ?? {}) },
    async handleInstance(app) {
      const { i18n, ready, dispose } = createDashI18n(options.messages);
      disposeI18n = dispose;
      app.use(i18n);
      await ready;
    },
  });
  return {
    bootstrap: [css.bootstrap, vue.bootstrap],
    mount: [css.mount, vue.mount],
    unmount: [
      vue.unmount,
      css.unmount,
      async () => {
        disposeI18n?.();
      },
    ],
  };
}
