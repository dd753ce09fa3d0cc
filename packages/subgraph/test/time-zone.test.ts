import { describe, expect, it } from 'vitest';
import { isTimeZone } from '../src/index.js';

describe('isTimeZone', () => {
  it('knows IANA zones, asked once or many times', () => {
    for (let i = 0; i < 3; i += 1) {
      expect(isTimeZone('Europe/Paris')).toBe(true);
      expect(isTimeZone('Asia/Shanghai')).toBe(true);
    }
  });

  it('refuses what is not a zone, however often it is sent', () => {
    for (let i = 0; i < 3; i += 1) {
      expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
      expect(isTimeZone('')).toBe(false);
    }
  });
});
