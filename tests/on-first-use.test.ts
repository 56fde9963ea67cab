import { describe, expect, it } from 'vitest';
import { onFirstUse } from '../lib/on-first-use';

describe('values made on first use', () => {
  it('makes nothing until asked, then once, keeping even a falsy value', () => {
    let made = 0;
    const value = onFirstUse(() => {
      made++;
      return made > 1 ? 'again' : undefined;
    });
    expect(made).toBe(0);
    expect(value()).toBeUndefined();
    expect(value()).toBeUndefined();
    expect(made).toBe(1);
  });
});
