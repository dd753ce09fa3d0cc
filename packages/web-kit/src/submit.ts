import { ref } from 'vue';
import { GraphqlRequestError } from './graphql.js';
import { refusalReason, type FieldRefusals } from './refusals.js';

/**
 * What a form does when it sends something: `running` while it goes (buttons wait), and if the
 * server refuses, `problem` is why — one of the `known` reasons the screen has words for, or
 * UNKNOWN — and `problemField` the field it named. Each submit clears the last problem.
 */
export function useSubmit(known: ReadonlySet<string>, fields?: FieldRefusals) {
  const running = ref(false);
  const problem = ref<string>();
  const problemField = ref<string>();

  /**
   * Runs `work`; true when it went through. `refused` sees the error too, for what a screen
   * reads from it besides the reason (e.g. what blocks closing an account).
   */
  async function submit(
    work: () => Promise<unknown>,
    refused?: (error: unknown) => void,
  ): Promise<boolean> {
    running.value = true;
    problem.value = undefined;
    problemField.value = undefined;
    try {
      await work();
      return true;
    } catch (error) {
      problemField.value = error instanceof GraphqlRequestError ? error.field : undefined;
      problem.value = refusalReason(error, known, fields);
      refused?.(error);
      return false;
    } finally {
      running.value = false;
    }
  }

  return { running, problem, problemField, submit };
}

/** An amount a form can send: a whole number of minor units, at least 1. */
export const isSendableAmount = (amount: number | null): amount is number =>
  Number.isSafeInteger(amount) && amount! >= 1;
