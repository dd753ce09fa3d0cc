import { ref } from 'vue';
import { idempotencyKeys } from './idempotency.js';
import type { FieldRefusals } from './refusals.js';
import { isSendableAmount, useSubmit } from './submit.js';

/** What a dialog component exposes (the kit's Dialog). */
interface DialogHandle {
  open(): void;
  close(): void;
}

/**
 * A dialog that moves an amount (refund, pay out, top up): each opening starts clean with its
 * own idempotency key, an amount that cannot be sent is refused before asking the server, and
 * the same request again (a double click, a retry) keeps its key so the money moves once.
 */
export function useAmountDialog(known: ReadonlySet<string>, fields?: FieldRefusals) {
  const dialog = ref<DialogHandle>();
  const amount = ref<number | null>(null);
  const { running, problem, submit } = useSubmit(known, fields);
  const keys = idempotencyKeys();

  function open(initial: number | null = null): void {
    amount.value = initial;
    problem.value = undefined;
    keys.forget();
    dialog.value?.open();
  }

  /**
   * Sends `work` the amount and its key, and closes the dialog when it went through. `request`
   * names what makes another request (by default the amount); `refused` sees a refusal's error.
   */
  async function confirm(
    work: (amount: number, idempotencyKey: string) => Promise<unknown>,
    {
      request,
      refused,
    }: {
      request?: (amount: number) => string;
      refused?: (error: unknown) => void;
    } = {},
  ): Promise<boolean> {
    const sending = amount.value;
    if (!isSendableAmount(sending)) {
      problem.value = 'BAD_AMOUNT';
      return false;
    }
    const key = keys.keyFor(request ? request(sending) : sending);
    return submit(async () => {
      await work(sending, key);
      dialog.value?.close();
    }, refused);
  }

  return { dialog, amount, running, problem, open, confirm };
}
