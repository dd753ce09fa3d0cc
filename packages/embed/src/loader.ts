/**
 * The embedding script. A platform's page includes it from the dashboard's origin:
 *
 *   <script src="https://dashboard.example.com/embed.js"></script>
 *   <dash-balances></dash-balances>
 *   <script>
 *     DashEmbed.init({
 *       fetchClientSecret: async () => (await (await fetch('/account-session')).json()).clientSecret,
 *     });
 *   </script>
 *
 * Each element mounts one of the dashboard's own micro-frontends, loaded by URL from the dashboard,
 * calling the dashboard's GraphQL endpoint with the account session's client secret. Styles come
 * from the dashboard's tokens (`--dash-*` custom properties), which the page may set on the
 * elements to theme them.
 */
import { bootAssets, type EmbedAssets } from './embed-assets.js';

/** What the dashboard's shared library offers the script (the part of @dash/web-kit it uses). */
interface WebKit {
  connectEmbedded(connection: {
    graphqlUrl: string;
    fetchClientSecret: () => Promise<string>;
  }): void;
  setLocale(locale: string): void;
  loadSession(): Promise<unknown>;
  onDashEvent(
    name: 'dash:branding-changed',
    listener: (detail: { branding: { brandColor: string } }) => void,
  ): () => void;
  textColorOn(color: string): string;
}

interface Parcel {
  unmount(): Promise<unknown>;
}

interface Runtime {
  mountRootParcel(app: object, props: { domElement: HTMLElement; name: string }): Parcel;
}

export interface InitOptions {
  /** Asks the platform's server for an account session and returns its `clientSecret`. */
  fetchClientSecret: () => Promise<string>;
  /** `en`, `zh-CN`, `ja`, `de`, `fr` or `es`; otherwise the browser's language. */
  locale?: string;
}

const assets: EmbedAssets = bootAssets();
const script = document.currentScript as HTMLScriptElement | null;
/** Where the dashboard is: the origin this script was loaded from. */
const dashboard = new URL(script?.src ?? window.location.href).origin;
const at = (path: string) => new URL(path, dashboard).href;
const load = <Module>(path: string): Promise<Module> =>
  import(/* @vite-ignore */ at(path)) as Promise<Module>;

const elementNames = Object.values(assets.components).map(({ element }) => element);
const allElements = `:where(${elementNames.join(',')})`;

let started: Promise<Runtime> | undefined;
let begin!: (runtime: Promise<Runtime>) => void;
/** Settles once `init` has connected the dashboard: elements wait for it to mount. */
const runtime = new Promise<Runtime>((resolve) => (begin = resolve));

/** The page's text styles inside the elements, and the kit's focus ring, for the elements only. */
function addBaseStyles(): void {
  const sheet = document.createElement('link');
  sheet.rel = 'stylesheet';
  sheet.href = at(assets.webKitCss);
  const base = document.createElement('style');
  base.textContent =
    `${allElements}{display:block;font-family:var(--dash-font);font-size:var(--dash-text-sm);color:var(--dash-text)}` +
    `${allElements} :focus-visible{outline:2px solid var(--dash-focus);outline-offset:2px}`;
  document.head.append(sheet, base);
}

/**
 * The platform's colour, as the dashboard shows it, with zero specificity: a page that sets
 * `--dash-accent` on the elements in its own stylesheet wins.
 */
function followBranding(webKit: WebKit): void {
  const style = document.createElement('style');
  document.head.append(style);
  webKit.onDashEvent('dash:branding-changed', ({ branding }) => {
    const color = branding.brandColor;
    if (!/^#[0-9a-f]{6}$/i.test(color)) return;
    style.textContent = `${allElements}{--dash-accent:${color};--dash-on-accent:${webKit.textColorOn(color)}}`;
  });
}

async function start(options: InitOptions): Promise<Runtime> {
  const [webKit, singleSpa] = await Promise.all([
    load<WebKit>(assets.webKit),
    load<Runtime>(assets.singleSpa),
  ]);
  addBaseStyles();
  followBranding(webKit);
  webKit.connectEmbedded({
    graphqlUrl: at('/graphql'),
    fetchClientSecret: options.fetchClientSecret,
  });
  if (options.locale) webKit.setLocale(options.locale);
  // The branding and the account's currency, read once for every element on the page.
  void webKit.loadSession().catch(() => {});
  return { mountRootParcel: singleSpa.mountRootParcel };
}

/** Connects the page's elements to the dashboard. Call once; later calls return the first. */
function init(options: InitOptions): Promise<void> {
  if (typeof options?.fetchClientSecret !== 'function')
    return Promise.reject(
      new TypeError(
        'DashEmbed.init needs fetchClientSecret: a function returning a client secret.',
      ),
    );
  if (!started) {
    started = start(options);
    begin(started);
  }
  return started.then(() => undefined);
}

let mounted = 0;

/** One embedded component: mounts its micro-frontend while the element is in the page. */
function componentElement(modulePath: string): CustomElementConstructor {
  return class extends HTMLElement {
    private parcel: Promise<Parcel | undefined> | undefined;

    connectedCallback(): void {
      this.parcel ??= this.mount();
    }

    disconnectedCallback(): void {
      const parcel = this.parcel;
      this.parcel = undefined;
      void parcel?.then((mountedParcel) => mountedParcel?.unmount());
    }

    private async mount(): Promise<Parcel | undefined> {
      const { mountRootParcel } = await runtime;
      const app = await load<object>(modulePath);
      // Moved out of the page while loading: nothing to show.
      if (!this.isConnected) return undefined;
      const container = document.createElement('div');
      this.replaceChildren(container);
      mounted += 1;
      return mountRootParcel(app, { domElement: container, name: `${this.localName}-${mounted}` });
    }
  };
}

for (const { element, module } of Object.values(assets.components))
  if (!customElements.get(element)) customElements.define(element, componentElement(module));

declare global {
  interface Window {
    DashEmbed: { init: typeof init };
  }
}

window.DashEmbed = { init };
