import { expect } from 'vitest';
import type { RunningStack } from '../src/index.js';

/** Every message sent to `destination`, newest first, as the dev outbox holds them. */
export async function messagesTo(
  stack: RunningStack,
  destination: string,
): Promise<Array<{ subject: string; text: string; html: string | null }>> {
  const outbox = stack.services
    .find((s) => s.name === 'notifications')!
    .url.replace('/graphql', '/dev/outbox');
  const { messages } = (await (
    await fetch(`${outbox}?to=${encodeURIComponent(destination)}`)
  ).json()) as { messages: Array<{ subject: string; text: string; html: string | null }> };
  return messages;
}

/** The newest one-time code sent to `destination`, read where a developer would: the dev outbox. */
export async function codeSentTo(stack: RunningStack, destination: string): Promise<string> {
  const outbox = stack.services
    .find((s) => s.name === 'notifications')!
    .url.replace('/graphql', '/dev/outbox');
  let code: string | undefined;
  await expect
    .poll(
      async () => {
        const { messages } = (await (
          await fetch(`${outbox}?to=${encodeURIComponent(destination)}`)
        ).json()) as {
          messages: Array<{ text: string }>;
        };
        code = messages[0] && /\b(\d{6})\b/.exec(messages[0].text)?.[1];
        return code;
      },
      { timeout: 10_000 },
    )
    .toMatch(/^\d{6}$/);
  return code!;
}
