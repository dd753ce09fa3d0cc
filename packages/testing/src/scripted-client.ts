/**
 * A stand-in for the gateway in a micro-frontend's component tests: each named operation
 * (`query Transactions`, `mutation RefundPayment`) is answered from its own queue of scripted
 * answers, in order (an Error is thrown), and every call is recorded with its variables.
 * Browser-safe: no database or Redis code comes with it.
 */
export function scriptedClient(answers: Record<string, unknown[]>) {
  const calls: Array<[string, Record<string, unknown>]> = [];
  return {
    calls,
    async query<Data>(document: unknown, variables?: unknown): Promise<Data> {
      const name = /(?:query|mutation)\s+(\w+)/.exec(String(document))?.[1] ?? 'anonymous';
      calls.push([name, (variables ?? {}) as Record<string, unknown>]);
      const queue = answers[name];
      if (!queue?.length) throw new Error(`No scripted answer left for ${name}`);
      const answer = queue.shift();
      if (answer instanceof Error) throw answer;
      return answer as Data;
    },
  };
}
