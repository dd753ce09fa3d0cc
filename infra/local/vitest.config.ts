import { defineProject } from 'vitest/config';
import { nodeProject } from '@dash/vitest-config';

const base = nodeProject('local-stack', import.meta.url);

// These tests start the whole stack (and a browser), so they get more time than unit tests.
export default defineProject({
  ...base,
  test: { ...base.test, testTimeout: 60_000, hookTimeout: 120_000 },
});
