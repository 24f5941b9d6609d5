import { CONSENT_GIVEN, CONSENT_REFUSED, CONSENT_WITHDRAWN } from '@app/consent';
import type { OutboxHandlerRegistry, OutboxService } from '@app/outbox';
import { OVERRIDE_OWNERS_TOLD } from '@app/overrides';
import { REQUEST_CLOSED, REQUEST_CREATED, REQUEST_DELETED, REQUEST_EXPIRED, REQUEST_REMINDED } from '@app/requests';
import { describe, expect, it } from '@jest/globals';
import type { EntityManager } from 'typeorm';
import { NOTIFICATION_SPECS } from '../domain/notification-specs.js';

describe('notification specs and the events the contexts publish', () => {
  // The specs are keyed by event name strings (domain code cannot import the contexts): a renamed
  // event would otherwise stop its notifications without any other test noticing.
  it('has a spec for exactly the request, consent and override events that tell someone something', () => {
    const published = [REQUEST_CREATED, REQUEST_CLOSED, REQUEST_DELETED, REQUEST_EXPIRED, REQUEST_REMINDED, CONSENT_GIVEN, CONSENT_REFUSED, CONSENT_WITHDRAWN, OVERRIDE_OWNERS_TOLD];
    expect(Object.keys(NOTIFICATION_SPECS).sort()).toEqual([...published].sort());
  });
});

describe('outbox payloads, typed per event name', () => {
  // Checked by the compiler (`npm test` type-checks specs): if the payloads stopped being typed,
  // an @ts-expect-error below would expect an error that no longer comes, and the check fails.
  it('refuses a wrong payload, an unknown event and a field the event does not carry', () => {
    const misuse = (outbox: OutboxService, registry: OutboxHandlerRegistry, manager: EntityManager) => {
      // @ts-expect-error a request event names the agency that made it
      void outbox.publish(manager, REQUEST_CREATED, { requestId: 'r' });
      // @ts-expect-error no context declares this event
      void outbox.publish(manager, 'request.renamed', { requestId: 'r', agencyId: 'a' });
      registry.register(REQUEST_CLOSED, 'reads-a-consent', async (event) => {
        // @ts-expect-error request events carry no consent
        void event.payload.consentId;
      });
      registry.register(CONSENT_WITHDRAWN, 'reads-the-consent', async (event) => void event.payload.consentId);
    };
    expect(misuse).toBeInstanceOf(Function);
  });
});
