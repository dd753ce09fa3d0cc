import { defineProject } from 'vitest/config';
import { nodeProject } from '@dash/vitest-config';

export default defineProject(nodeProject('batching', import.meta.url));
