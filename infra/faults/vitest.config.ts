import { defineProject } from 'vitest/config';
import { nodeProject } from '@dash/vitest-config';

const base = nodeProject('faults', import.meta.url);

// Each file starts a stack of real processes and private servers: minutes, not seconds. They run
// after every other project (a later group), so the load they make on purpose never slows another
// file's timing-sensitive tests, and theirs measure outages rather than a crowded machine.
export default defineProject({
  ...base,
  test: {
    ...base.test,
    testTimeout: 300_000,
    hookTimeout: 300_000,
    sequence: { ...base.test?.sequence, groupOrder: 1 },
  },
});
