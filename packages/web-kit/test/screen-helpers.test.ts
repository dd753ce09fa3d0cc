import { afterEach, describe, expect, it } from 'vitest';
import { createApp, defineComponent, nextTick, type App } from 'vue';
import {
  formatDestination,
  GraphqlRequestError,
  humaniseRequirement,
  refusalReason,
  requirementMessageKey,
  useDetailPage,
  useDetailPath,
  useSubmit,
} from '../src/index.js';

const refused = (field?: string, reason?: unknown) =>
  new GraphqlRequestError(
    'refused',
    'BAD_USER_INPUT',
    field,
    reason === undefined ? {} : { reason },
  );

describe('refusal reasons', () => {
  const known = new Set(['INSUFFICIENT_FUNDS', 'INVALID_FIELD', 'UNKNOWN']);

  it('names a reason the screen knows, and nothing else', () => {
    expect(refusalReason(refused(undefined, 'INSUFFICIENT_FUNDS'), known)).toBe(
      'INSUFFICIENT_FUNDS',
    );
    expect(refusalReason(refused(undefined, 'SOMETHING_NEW'), known)).toBe('UNKNOWN');
    expect(refusalReason(refused('amount'), known)).toBe('UNKNOWN');
    expect(refusalReason(new Error('INSUFFICIENT_FUNDS'), known)).toBe('UNKNOWN');
  });

  it('words a refused field without a reason as the screen says', () => {
    const fields = { withoutReason: { amount: 'BAD_AMOUNT' } };
    expect(refusalReason(refused('amount'), known, fields)).toBe('BAD_AMOUNT');
    expect(refusalReason(refused('amount', 'INSUFFICIENT_FUNDS'), known, fields)).toBe(
      'INSUFFICIENT_FUNDS',
    );
    // A reason the screen has no words for is still UNKNOWN: only a missing one is mapped.
    expect(refusalReason(refused('amount', 'SOMETHING_NEW'), known, fields)).toBe('UNKNOWN');
    expect(refusalReason(refused('currency'), known, fields)).toBe('UNKNOWN');
    expect(refusalReason(refused('constructor'), known, fields)).toBe('UNKNOWN');
    expect(refusalReason(refused(), known, fields)).toBe('UNKNOWN');
  });

  it('words any refused field whose reason is missing or unknown as the screen says', () => {
    const fields = { anyField: 'INVALID_FIELD' };
    expect(refusalReason(refused('routingNumber'), known, fields)).toBe('INVALID_FIELD');
    expect(refusalReason(refused('routingNumber', 'SOMETHING_NEW'), known, fields)).toBe(
      'INVALID_FIELD',
    );
    expect(refusalReason(refused('routingNumber', 'UNKNOWN'), known, fields)).toBe('INVALID_FIELD');
    expect(refusalReason(refused('code', 'INSUFFICIENT_FUNDS'), known, fields)).toBe(
      'INSUFFICIENT_FUNDS',
    );
    expect(refusalReason(refused(undefined, 'SOMETHING_NEW'), known, fields)).toBe('UNKNOWN');
  });
});

describe('submitting a form', () => {
  it('is running while the work goes, and clears the last problem', async () => {
    const { running, problem, problemField, submit } = useSubmit(new Set(['CODE_WRONG']));
    problem.value = 'BAD_AMOUNT';
    let finish!: () => void;
    const sent = submit(() => new Promise<void>((resolve) => (finish = resolve)));
    expect(running.value).toBe(true);
    expect(problem.value).toBeUndefined();
    expect(problemField.value).toBeUndefined();
    finish();
    expect(await sent).toBe(true);
    expect(running.value).toBe(false);
    expect(problem.value).toBeUndefined();
  });

  it('says why it was refused, which field, and hands the error on', async () => {
    const { running, problem, problemField, submit } = useSubmit(new Set(['CODE_WRONG']), {
      anyField: 'INVALID_FIELD',
    });
    const seen: unknown[] = [];
    const error = refused('code', 'CODE_WRONG');
    expect(
      await submit(
        async () => {
          throw error;
        },
        (caught) => seen.push(caught),
      ),
    ).toBe(false);
    expect(running.value).toBe(false);
    expect(problem.value).toBe('CODE_WRONG');
    expect(problemField.value).toBe('code');
    expect(seen).toEqual([error]);

    await submit(async () => {
      throw refused('accountNumber');
    });
    expect([problem.value, problemField.value]).toEqual(['INVALID_FIELD', 'accountNumber']);

    await submit(async () => {
      throw new TypeError('Failed to fetch');
    });
    expect([problem.value, problemField.value]).toEqual(['UNKNOWN', undefined]);
  });
});

describe('a list with one thing in detail at its own address', () => {
  let app: App | undefined;
  afterEach(() => {
    app?.unmount();
    app = undefined;
  });

  function mountPage(path: string) {
    window.history.replaceState(null, '', path);
    let page!: ReturnType<typeof useDetailPath>;
    app = createApp(
      defineComponent({
        setup() {
          page = useDetailPath('/payouts');
          return () => null;
        },
      }),
    );
    app.mount(document.createElement('div'));
    return page;
  }

  it('reads the id from the address and pushes a new entry for each step', () => {
    expect(mountPage('/payouts').openId.value).toBe('');
    app!.unmount();
    const page = mountPage('/payouts/po%201');
    expect(page.openId.value).toBe('po 1');
    page.go('');
    expect(window.location.pathname).toBe('/payouts');
    expect(page.openId.value).toBe('');
    page.go('po/2');
    expect(window.location.pathname).toBe('/payouts/po%2F2');
    expect(page.openId.value).toBe('po/2');
  });

  it('follows the back button while mounted', async () => {
    const page = mountPage('/payouts');
    page.go('po_1');
    window.history.replaceState(null, '', '/payouts');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await nextTick();
    expect(page.openId.value).toBe('');
    app!.unmount();
    app = undefined;
    window.history.replaceState(null, '', '/payouts/po_9');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(page.openId.value).toBe('');
  });

  it('shows the page once the account is known, and also when learning it fails', async () => {
    window.history.replaceState(null, '', '/payments/py_1');
    let settle!: (ok: boolean) => void;
    let page!: ReturnType<typeof useDetailPage>;
    app = createApp(
      defineComponent({
        setup() {
          page = useDetailPage(
            '/payments',
            () =>
              new Promise<void>(
                (resolve, reject) =>
                  (settle = (ok) => (ok ? resolve() : reject(new Error('down')))),
              ),
          );
          return () => null;
        },
      }),
    );
    app.config.errorHandler = () => undefined;
    app.mount(document.createElement('div'));
    expect(page.openId.value).toBe('py_1');
    expect(page.ready.value).toBe(false);
    settle(false);
    await new Promise((resolve) => setTimeout(resolve));
    expect(page.ready.value).toBe(true);
  });
});

describe('words for screens', () => {
  it('names where a payout goes', () => {
    expect(formatDestination({ brand: null, bankName: 'Simulated Bank', last4: '6789' })).toBe(
      'Simulated Bank •••• 6789',
    );
    expect(formatDestination({ brand: 'visa', bankName: null, last4: '4242' })).toBe(
      'Visa •••• 4242',
    );
    expect(formatDestination({ brand: null, bankName: null, last4: '0000' })).toBe('•••• 0000');
  });

  it('turns a requirement into its message key, or readable words', () => {
    expect(requirementMessageKey('business_profile.url')).toBe('business_profile_url');
    expect(requirementMessageKey('external_account')).toBe('external_account');
    expect(requirementMessageKey('owners.2.first_name')).toBe('owners_first_name');
    expect(requirementMessageKey('company.owners_provided')).toBe('company_owners_provided');
    expect(humaniseRequirement('individual.id_number')).toBe('id number');
    expect(humaniseRequirement('individual.address.postal_code')).toBe('postal code');
    expect(humaniseRequirement('phone')).toBe('phone');
  });
});
