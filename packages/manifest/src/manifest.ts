import type { MicrofrontendEntry, SubgraphEntry } from './entries.js';

/*
 * What the house contains. Adding a feature adds one line to each list below (what
 * `npm run new-feature -- <name>` writes); the shell's import map and layout, the files it serves,
 * the local stack's services, the supergraph's subgraphs, the default ports and the DASH_<NAME>_*
 * variable names are all read from here.
 */

/** The subgraphs, in the order they migrate and start. */
// prettier-ignore
export const SUBGRAPHS = [
  { name: 'identity',      port: 4001, folder: 'services/identity' },
  { name: 'ledger',        port: 4002, folder: 'services/ledger' },
  { name: 'payouts',       port: 4003, folder: 'services/payouts' },
  { name: 'disputes',      port: 4004, folder: 'services/disputes' },
  { name: 'notifications', port: 4005, folder: 'services/notifications' },
] as const satisfies readonly SubgraphEntry[];

/**
 * How Node runs every subgraph process (the images' NODE_OPTIONS, `npm start`'s parts, the
 * benchmark; a Kubernetes container sets its own, sized to its memory limit).
 * V8 grows a busy process's heap long before it collects, up to its cap: a subgraph holds about
 * 65 MB live under load (a heap snapshot of the ledger at 200 charges in flight: 64 MB, a third
 * of it module sources), and the rest of its old space is garbage waiting for the next
 * mark-compact. The cap is what bounds the resident size: Node's own 47 MB of mapped binary, 30
 * MB of young generation, code and large objects, and 10–15 MB of native memory come on top of
 * it, so 104 MB keeps a subgraph under 200 MB resident, inside its container's memory limit (at
 * 128 the ledger peaked at 218 MB in a slow charge round). The young generation's semi-spaces
 * are halved from V8's 16 MB: a request's garbage dies young either way, and the ledger under a
 * burst of charges peaked at 189 MB instead of 209 for the same CPU per charge.
 */
export const SUBGRAPH_NODE_ARGS = ['--max-old-space-size=104', '--max-semi-space-size=8'] as const;

/**
 * The micro-frontends. On a page, those shown on every signed-in page come first, then the rest
 * in this order; `nav` puts a link to the first route in the navigation.
 */
// prettier-ignore
export const MICROFRONTENDS = [
  { name: 'banner',       package: '@dash/banner',       folder: 'microfrontends/banner',       routes: 'signed-in', embed: 'notification_banner' },
  { name: 'balance',      package: '@dash/balance',      folder: 'microfrontends/balance',      routes: ['/', 'payouts'], embed: 'balances' },
  { name: 'earnings',     package: '@dash/earnings',     folder: 'microfrontends/earnings',     routes: ['/'] },
  { name: 'transactions', package: '@dash/transactions', folder: 'microfrontends/transactions', routes: ['/', 'transactions'] },
  { name: 'login',        package: '@dash/login',        folder: 'microfrontends/login',        routes: ['login'], public: true },
  { name: 'onboarding',   package: '@dash/onboarding',   folder: 'microfrontends/onboarding',   routes: ['onboarding'], public: true, embed: 'account_onboarding' },
  { name: 'payments',     package: '@dash/payments',     folder: 'microfrontends/payments',     routes: ['payments'], nav: 'Payments', embed: 'payments' },
  { name: 'payouts',      package: '@dash/payouts-app',  folder: 'microfrontends/payouts',      routes: ['payouts'], nav: 'Payouts', embed: 'payouts' },
  { name: 'disputes',     package: '@dash/disputes-app', folder: 'microfrontends/disputes',     routes: ['disputes'], nav: 'Disputes' },
  { name: 'activity',     package: '@dash/activity',     folder: 'microfrontends/activity',     routes: ['activity'], nav: 'Activity' },
  { name: 'tax',          package: '@dash/tax',          folder: 'microfrontends/tax',          routes: ['tax-forms'], nav: 'Tax forms' },
  { name: 'settings',     package: '@dash/settings',     folder: 'microfrontends/settings',     routes: ['settings'], nav: 'Settings' },
] as const satisfies readonly MicrofrontendEntry[];
