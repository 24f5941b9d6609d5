import { describe, expect, it } from '@jest/globals';
import { normalizeEmail } from '../domain/email.js';
import { loginTracker } from '../domain/login-tracker.js';

describe('identity rules', () => {
  it('treats emails that differ only in letter case or surrounding spaces as one', () => {
    expect(normalizeEmail('  Ann.Lee@Example.ORG ')).toBe('ann.lee@example.org');
  });

  it('counts login attempts per client address and account, whatever the email case', () => {
    expect(loginTracker('10.0.0.1', { email: 'Ann@X.org', password: 'a' })).toBe(
      loginTracker('10.0.0.1', { email: 'ann@x.org', password: 'b' }),
    );
    expect(loginTracker('10.0.0.1', { email: 'ann@x.org' })).not.toBe(loginTracker('10.0.0.2', { email: 'ann@x.org' }));
    expect(loginTracker('10.0.0.1', { email: 'ann@x.org' })).not.toBe(loginTracker('10.0.0.1', { email: 'bob@x.org' }));
  });

  it('still counts a login attempt whose body has no usable email (the guard runs before validation)', () => {
    expect(loginTracker('10.0.0.1', undefined)).toBe('10.0.0.1|');
    expect(loginTracker('10.0.0.1', { email: 42 })).toBe('10.0.0.1|');
  });

});
