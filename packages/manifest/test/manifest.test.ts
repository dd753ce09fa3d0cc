import { describe, expect, it } from 'vitest';
import {
  defaultSubgraphUrl,
  layoutRoutes,
  manifestProblems,
  microfrontendImports,
  navigationLinks,
  serviceExportName,
  settingName,
  type MicrofrontendEntry,
} from '../src/index.js';
import { featureNames } from '../src/scaffold/names.js';

describe('the manifest', () => {
  it('lists each name, port and package once', () => {
    expect(manifestProblems()).toEqual([]);
    expect(
      manifestProblems(
        [
          { name: 'ledger', port: 4002, folder: 'services/ledger' },
          { name: 'Gift_Cards', port: 4002, folder: 'services/gift-cards' },
        ],
        [],
      ),
    ).toEqual([
      'port 4002 is listed twice',
      'Gift_Cards is not lower-case words joined by hyphens',
    ]);
  });

  it('lays the pages out as the dashboard always had them, the banner on top of signed-in pages', () => {
    expect(layoutRoutes()).toEqual([
      {
        path: '/',
        applications: ['@dash/banner', '@dash/balance', '@dash/earnings', '@dash/transactions'],
      },
      { path: 'payouts', applications: ['@dash/banner', '@dash/balance', '@dash/payouts-app'] },
      { path: 'transactions', applications: ['@dash/banner', '@dash/transactions'] },
      { path: 'login', applications: ['@dash/login'] },
      { path: 'onboarding', applications: ['@dash/onboarding'] },
      { path: 'payments', applications: ['@dash/banner', '@dash/payments'] },
      { path: 'disputes', applications: ['@dash/banner', '@dash/disputes-app'] },
      { path: 'activity', applications: ['@dash/banner', '@dash/activity'] },
      { path: 'tax-forms', applications: ['@dash/banner', '@dash/tax'] },
      { path: 'settings', applications: ['@dash/banner', '@dash/settings'] },
    ]);
  });

  it('links the pages that ask for it from the navigation, after home', () => {
    expect(navigationLinks().map((link) => [link.href, link.messageKey, link.text])).toEqual([
      ['/', 'nav.home', 'Home'],
      ['/payments', 'nav.payments', 'Payments'],
      ['/payouts', 'nav.payouts', 'Payouts'],
      ['/disputes', 'nav.disputes', 'Disputes'],
      ['/activity', 'nav.activity', 'Activity'],
      ['/tax-forms', 'nav.tax', 'Tax forms'],
      ['/settings', 'nav.settings', 'Settings'],
    ]);
  });

  it('maps each package to its entry under /apps', () => {
    const imports = microfrontendImports();
    expect(Object.keys(imports)).toEqual([...Object.keys(imports)].sort());
    expect(imports['@dash/payouts-app']).toBe('/apps/payouts/payouts.js');
  });

  it('derives names from a feature name', () => {
    expect(settingName('gift-cards', 'PORT')).toBe('DASH_GIFT_CARDS_PORT');
    expect(serviceExportName('gift-cards')).toBe('giftCardsService');
    expect(serviceExportName('ledger')).toBe('ledgerService');
    expect(defaultSubgraphUrl('payouts')).toBe('http://127.0.0.1:4003/graphql');
    expect(featureNames('gift-cards')).toEqual({
      name: 'gift-cards',
      pascal: 'GiftCards',
      camel: 'giftCards',
      snake: 'gift_cards',
      service: 'giftCardsService',
      settings: 'DASH_GIFT_CARDS',
    });
    expect(() => featureNames('Gift Cards')).toThrow(/not a feature name/);
  });

  it('mounts a new page below the banner unless it is public', () => {
    const entries: MicrofrontendEntry[] = [
      { name: 'banner', package: '@x/banner', folder: 'mf/banner', routes: 'signed-in' },
      { name: 'gifts', package: '@x/gifts', folder: 'mf/gifts', routes: ['gifts'], nav: 'Gifts' },
      { name: 'door', package: '@x/door', folder: 'mf/door', routes: ['door'], public: true },
    ];
    expect(layoutRoutes(entries)).toEqual([
      { path: 'gifts', applications: ['@x/banner', '@x/gifts'] },
      { path: 'door', applications: ['@x/door'] },
    ]);
  });
});
