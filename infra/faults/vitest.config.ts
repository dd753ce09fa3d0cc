import { defineProject } from 'vitest/config';
import { nodeProject } from '@dash/vitest-config';

const base = nodeProject('faults', import.meta.url);

// Each file starts a stack of real processes and private servers: minutes, not seconds.
export default defineProject({
  ...base,
  test: { ...base.test, testTimeout: 300_000, hookTimeout: 300_000 },
});
