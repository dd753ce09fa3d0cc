import { afterEach, describe, expect, it } from 'vitest';
import { defineComponent, h, nextTick, ref } from 'vue';
import { enableAutoUnmount, flushPromises, mount } from '@vue/test-utils';
import {
  AmountField,
  CodeInput,
  createDashI18n,
  Dialog,
  isSendableAmount,
  PagedList,
  PlatformContact,
  setBranding,
  setLocale,
  StatusPill,
  supportLinks,
  useAmountDialog,
  useKeysetList,
  useMoney,
  type KeysetPage,
} from '../src/index.js';

enableAutoUnmount(afterEach);
afterEach(() => setLocale('en'));
afterEach(() => setBranding({ platformName: '', brandColor: '#5b4cf0' }));

const withI18n = () => ({ global: { plugins: [createDashI18n().i18n] } });

/** AmountField bound to a ref, as a dialog binds it. */
function amountField(currency: string, initial: number | null = null) {
  const amount = ref<number | null>(initial);
  const wrapper = mount(
    defineComponent({
      setup: () => () =>
        h(AmountField, {
          currency,
          modelValue: amount.value,
          'onUpdate:modelValue': (next: number | null) => (amount.value = next),
        }),
    }),
  );
  return { amount, input: wrapper.get('input') };
}

describe('AmountField', () => {
  it('reads dollars and cents as cents, and says what can be sent', async () => {
    const { amount, input } = amountField('usd');
    await input.setValue('12.50');
    expect(amount.value).toBe(1250);
    expect(isSendableAmount(amount.value)).toBe(true);
    await input.setValue('0');
    expect(amount.value).toBe(0);
    expect(isSendableAmount(amount.value)).toBe(false);
    await input.setValue('12.505');
    expect(amount.value).toBeNaN();
    await input.setValue('twelve');
    expect(amount.value).toBeNaN();
    expect(isSendableAmount(amount.value)).toBe(false);
    await input.setValue('');
    expect(amount.value).toBeNull();
    expect(isSendableAmount(amount.value)).toBe(false);
  });

  it('reads yen, which has no minor unit, as whole yen', async () => {
    const { amount, input } = amountField('jpy');
    await input.setValue('1500');
    expect(amount.value).toBe(1500);
    await input.setValue('1500.5');
    expect(amount.value).toBeNaN();
  });

  it('shows an amount set from outside in major units, and empties when it is cleared', async () => {
    const { amount, input } = amountField('usd', 123456);
    expect((input.element as HTMLInputElement).value).toBe('1234.56');
    amount.value = 500;
    await nextTick();
    expect((input.element as HTMLInputElement).value).toBe('5.00');
    await input.setValue('abc');
    amount.value = null;
    await nextTick();
    expect((input.element as HTMLInputElement).value).toBe('');

    const yen = amountField('jpy', 1500);
    expect((yen.input.element as HTMLInputElement).value).toBe('1500');
  });

  it('takes and shows the decimal comma of a language that writes one', async () => {
    await setLocale('de');
    const { amount, input } = amountField('eur', 1250);
    expect((input.element as HTMLInputElement).value).toBe('12,50');
    await input.setValue('7,5');
    expect(amount.value).toBe(750);
    // A point could be a thousands mark in German: not an amount to guess at.
    await input.setValue('1.250');
    expect(amount.value).toBeNaN();
    await input.setValue('9,99');
    await setLocale('en');
    await nextTick();
    expect((input.element as HTMLInputElement).value).toBe('9.99');
    expect(amount.value).toBe(999);
  });

  it('formats what was read for the locale, zero-decimal currencies included', () => {
    let money!: ReturnType<typeof useMoney>;
    mount(defineComponent({ setup: () => ((money = useMoney()), () => null) }));
    expect(money(123456, 'usd')).toBe('$1,234.56');
    expect(money(1500, 'jpy')).toBe('¥1,500');
    expect(money(Number.NaN, 'usd')).toBe('—');
    expect(money(null, 'usd')).toBe('—');
  });
});

describe('Dialog', () => {
  function mountDialog() {
    return mount(Dialog, {
      ...withI18n(),
      attachTo: document.body,
      props: { title: 'Refund' },
      slots: {
        default: () => h('input', { id: 'amount' }),
        actions: () => h('button', { type: 'submit' }, 'Refund'),
      },
    });
  }

  it('opens as a modal with its title, and sends its form', async () => {
    const wrapper = mountDialog();
    const dialog = wrapper.get('dialog').element as HTMLDialogElement;
    expect(dialog.open).toBe(false);
    (wrapper.vm as unknown as { open(): void }).open();
    expect(dialog.open).toBe(true);
    const title = wrapper.get('h2');
    expect(title.text()).toBe('Refund');
    expect(dialog.getAttribute('aria-labelledby')).toBe(title.attributes('id'));
    await wrapper.get('form').trigger('submit');
    expect(wrapper.emitted('submit')).toHaveLength(1);
  });

  it('closes on Escape and on Cancel', async () => {
    const wrapper = mountDialog();
    const dialog = wrapper.get('dialog').element as HTMLDialogElement;
    const vm = wrapper.vm as unknown as { open(): void };
    vm.open();
    await wrapper.get('#amount').trigger('keydown', { key: 'Escape' });
    expect(dialog.open).toBe(false);
    expect(wrapper.emitted('closed')).toHaveLength(1);

    vm.open();
    const cancel = wrapper.get('button[type="button"]');
    expect(cancel.text()).toBe('Cancel');
    await cancel.trigger('click');
    expect(dialog.open).toBe(false);
    expect(wrapper.emitted('closed')).toHaveLength(2);
    expect(wrapper.emitted('submit')).toBeUndefined();
  });

  it('keeps Cancel waiting while the action runs', async () => {
    const wrapper = mountDialog();
    await wrapper.setProps({ busy: true });
    expect(wrapper.get('button[type="button"]').attributes('disabled')).toBeDefined();
  });
});

describe('PagedList', () => {
  type Row = { id: string };
  const page = (ids: string[], endCursor: string | null): KeysetPage<Row> => ({
    nodes: ids.map((id) => ({ id })),
    pageInfo: { hasNextPage: endCursor !== null, endCursor },
  });

  function mountList(fetchPage: (after: string | null) => Promise<KeysetPage<Row>>) {
    return mount(
      defineComponent({
        setup() {
          const list = useKeysetList(fetchPage);
          void list.load();
          return () =>
            h(
              PagedList<Row>,
              {
                list,
                failed: 'Could not load.',
                moreLabel: 'Show more',
                empty: 'Nothing yet.',
                emptyTestid: 'empty',
              },
              {
                default: ({ rows }: { rows: Row[] }) =>
                  h(
                    'ul',
                    rows.map((row) => h('li', { key: row.id }, row.id)),
                  ),
              },
            );
        },
      }),
      withI18n(),
    );
  }

  it('shows skeleton rows, then the first page, and appends the next on "load more"', async () => {
    const asked: (string | null)[] = [];
    const wrapper = mountList(async (after) => {
      asked.push(after);
      return after === null ? page(['a', 'b'], 'b') : page(['c'], null);
    });
    expect(wrapper.find('.dash-skeleton-rows').exists()).toBe(true);
    await flushPromises();
    expect(wrapper.findAll('li').map((li) => li.text())).toEqual(['a', 'b']);

    const more = wrapper.get('button');
    expect(more.text()).toBe('Show more');
    await more.trigger('click');
    await flushPromises();
    expect(asked).toEqual([null, 'b']);
    expect(wrapper.findAll('li').map((li) => li.text())).toEqual(['a', 'b', 'c']);
    // The last page: nothing more to load.
    expect(wrapper.find('button').exists()).toBe(false);
  });

  it('says what went wrong and tries again', async () => {
    let fail = true;
    const wrapper = mountList(async () => {
      if (fail) throw new Error('down');
      return page([], null);
    });
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toContain('Could not load.');
    fail = false;
    await wrapper.get('[role="alert"] button').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="empty"]').text()).toBe('Nothing yet.');
  });
});

describe('StatusPill and CodeInput', () => {
  it('says the status in words, its tone only repeating it', () => {
    const i18n = createDashI18n({ en: { payouts: { status: { in_transit: 'In transit' } } } });
    const pill = mount(StatusPill, {
      global: { plugins: [i18n.i18n] },
      props: { status: 'in_transit', tones: { in_transit: 'muted' }, words: 'payouts.status' },
    });
    expect(pill.text()).toBe('In transit');
    expect(pill.attributes()).toMatchObject({ 'data-status': 'in_transit', 'data-tone': 'muted' });
  });

  it('keeps the digits of a typed or pasted code', async () => {
    const code = ref('');
    const wrapper = mount(
      defineComponent({
        setup: () => () =>
          h(CodeInput, {
            modelValue: code.value,
            'onUpdate:modelValue': (next: string) => (code.value = next),
          }),
      }),
    );
    const input = wrapper.get('input');
    expect(input.attributes()).toMatchObject({
      autocomplete: 'one-time-code',
      inputmode: 'numeric',
    });
    await input.setValue('123-456');
    expect(code.value).toBe('123456');
  });
});

describe('useAmountDialog', () => {
  function amountDialog() {
    let state!: ReturnType<typeof useAmountDialog>;
    mount(defineComponent({ setup: () => ((state = useAmountDialog(new Set())), () => null) }));
    const shown = { open: 0, close: 0 };
    state.dialog.value = { open: () => shown.open++, close: () => shown.close++ };
    return { state, shown };
  }

  it('refuses an amount that cannot be sent before asking the server', async () => {
    const { state } = amountDialog();
    state.open();
    const sent: number[] = [];
    expect(await state.confirm(async (amount) => sent.push(amount))).toBe(false);
    expect(state.problem.value).toBe('BAD_AMOUNT');
    state.amount.value = Number.NaN;
    expect(await state.confirm(async (amount) => sent.push(amount))).toBe(false);
    expect(sent).toEqual([]);
  });

  it('keeps one key for the same request, a new one for another amount or opening', async () => {
    const { state, shown } = amountDialog();
    state.open(500);
    const keys: string[] = [];
    const failing = async (_amount: number, key: string) => {
      keys.push(key);
      throw new Error('network');
    };
    await state.confirm(failing);
    await state.confirm(failing);
    state.amount.value = 600;
    await state.confirm(failing);
    state.open(600);
    await state.confirm(failing);
    expect(keys[0]).toBe(keys[1]);
    expect(new Set(keys).size).toBe(3);
    expect(state.problem.value).toBe('UNKNOWN');

    expect(await state.confirm(async () => undefined)).toBe(true);
    expect(shown).toEqual({ open: 2, close: 1 });
  });
});

describe('PlatformContact', () => {
  const rocketRides = {
    platformName: 'Rocket Rides',
    brandColor: '#0a7d4f',
    support: {
      email: 'help@rocketrides.example',
      phone: '+14155550123',
      url: 'https://rocketrides.example/help',
    },
  };
  const contact = () => mount(PlatformContact, withI18n()).get('[data-testid="support-contact"]');
  const hrefs = (line: ReturnType<typeof contact>) =>
    line.findAll('a').map((link) => link.attributes('href'));

  it('links the email, phone and help page the platform gave', () => {
    setBranding(rocketRides);
    const line = contact();
    expect(line.text()).toBe(
      'Contact Rocket Rides: help@rocketrides.example · +14155550123 · rocketrides.example/help',
    );
    expect(hrefs(line)).toEqual([
      'mailto:help@rocketrides.example',
      'tel:+14155550123',
      'https://rocketrides.example/help',
    ]);
    const page = line.get('a[data-contact="url"]');
    expect(page.attributes('rel')).toContain('noopener');
    expect(page.attributes('target')).toBe('_blank');
  });

  it('never links a script or another scheme, nor a mailto: that carries more than an address', () => {
    setBranding({
      ...rocketRides,
      support: {
        email: 'x@example.com?bcc=all@example.com',
        phone: null,
        url: 'javascript:alert(1)',
      },
    });
    const line = contact();
    expect(line.find('a').exists()).toBe(false);
    expect(line.html()).not.toContain('javascript:');
    expect(line.text()).toBe(
      'Rocket Rides supports your account: contact them where you signed up.',
    );

    for (const url of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,x',
      'ftp://x.example/',
    ]) {
      expect(supportLinks({ email: null, phone: null, url })).toEqual([]);
    }
    expect(
      supportLinks({ email: null, phone: '+1 (415) 555-0123', url: 'http://help.example' }),
    ).toEqual([
      { kind: 'phone', href: 'tel:+14155550123', text: '+1 (415) 555-0123' },
      { kind: 'url', href: 'http://help.example/', text: 'help.example' },
    ]);
  });

  it('says to contact the platform where the account signed up when it gave no contact', () => {
    setBranding({ platformName: 'Rocket Rides', brandColor: '#0a7d4f' });
    expect(contact().text()).toBe(
      'Rocket Rides supports your account: contact them where you signed up.',
    );
    setBranding({
      platformName: '',
      brandColor: '#0a7d4f',
      support: { email: null, phone: null, url: null },
    });
    expect(contact().text()).toBe(
      'Your platform supports your account: contact them where you signed up.',
    );
  });

  it('follows the branding and the language as they change', async () => {
    setBranding({ platformName: 'Rocket Rides', brandColor: '#0a7d4f' });
    const line = contact();
    setBranding(rocketRides);
    await nextTick();
    expect(hrefs(line)).toHaveLength(3);
    setLocale('zh-CN');
    await nextTick();
    expect(line.text()).toContain('请联系 Rocket Rides：');
  });
});
