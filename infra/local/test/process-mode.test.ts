import { describe, expect, it } from 'vitest';
import { processMode } from '../src/parts.js';

describe('processMode', () => {
  it('gives each part a process of its own when there is more than one core', () => {
    expect(processMode({}, 1)).toBe('single');
    expect(processMode({}, 2)).toBe('per-part');
  });

  it('does as DASH_PROCESSES says, and refuses a value it does not know', () => {
    expect(processMode({ DASH_PROCESSES: 'single' }, 8)).toBe('single');
    expect(processMode({ DASH_PROCESSES: 'per-part' }, 1)).toBe('per-part');
    expect(() => processMode({ DASH_PROCESSES: 'many' }, 2)).toThrow(/single or per-part/);
  });
});
