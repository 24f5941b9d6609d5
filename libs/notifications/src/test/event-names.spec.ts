import { CONSENT_GIVEN, CONSENT_REFUSED, CONSENT_WITHDRAWN } from '@app/consent';
import { REQUEST_CLOSED, REQUEST_CREATED, REQUEST_DELETED, REQUEST_EXPIRED } from '@app/requests';
import { describe, expect, it } from '@jest/globals';
import { NOTIFICATION_SPECS } from '../domain/notification-specs.js';

describe('notification specs and the events the contexts publish', () => {
  // The specs are keyed by event name strings (domain code cannot import the contexts): a renamed
  // event would otherwise stop its notifications without any other test noticing.
  it('has a spec for exactly the request and consent events that tell someone something', () => {
    const published = [REQUEST_CREATED, REQUEST_CLOSED, REQUEST_DELETED, REQUEST_EXPIRED, CONSENT_GIVEN, CONSENT_REFUSED, CONSENT_WITHDRAWN];
    expect(Object.keys(NOTIFICATION_SPECS).sort()).toEqual([...published].sort());
  });
});
