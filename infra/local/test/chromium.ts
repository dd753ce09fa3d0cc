import { chromium, type Browser } from 'playwright-core';
import {
  prepareIsolatedStackEnv,
  startStack,
  type IsolatedStackEnv,
  type RunningStack,
} from '../src/index.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '@dash/testing';

/** A whole stack of one test file's own, and a Chromium to drive it. */
export interface BrowserStack {
  prepared: IsolatedStackEnv;
  stack: RunningStack;
  browser: Browser;
  stop(): Promise<void>;
}

/**
 * Starts the stack on free ports with a fresh, seeded database per service, then Chromium.
 * `realSignIn` leaves out the development account, so only a real session opens the dashboard;
 * `env` adds settings of the test's own.
 */
export async function startBrowserStack(
  label: string,
  { realSignIn = false, env = {} }: { realSignIn?: boolean; env?: Record<string, string> } = {},
): Promise<BrowserStack> {
  const prepared = await prepareIsolatedStackEnv(label);
  const { DASH_DEV_ACCOUNT_ID: _a, DASH_DEV_PLATFORM_ID: _p, ...withoutDevAccount } = prepared.env;
  let stack: RunningStack | undefined;
  let browser: Browser;
  try {
    stack = await startStack(
      { ...(realSignIn ? withoutDevAccount : prepared.env), ...env },
      { randomPorts: true },
    );
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  } catch (error) {
    // No Chromium, or a stack that would not start: leave no databases or keys behind.
    await stack?.stop();
    await prepared.cleanup();
    throw error;
  }
  const started = stack;
  return {
    prepared,
    stack: started,
    browser,
    async stop() {
      await browser.close();
      await started.stop();
      await prepared.cleanup();
    },
  };
}
