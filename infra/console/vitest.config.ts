import { nodeProject } from '@dash/vitest-config';

export default nodeProject('console', import.meta.url);
