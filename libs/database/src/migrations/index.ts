import { EnablePostgis1763900000000 } from './1763900000000-enable-postgis.js';
import { SandboxClock1763900050000 } from './1763900050000-sandbox-clock.js';
import { AppUser1763900100000 } from './1763900100000-app-user.js';
import { AuditEvent1763900200000 } from './1763900200000-audit-event.js';
import { Outbox1763900300000 } from './1763900300000-outbox.js';
import { IdempotencyKey1763900500000 } from './1763900500000-idempotency-key.js';
import { PolicySetting1763900600000 } from './1763900600000-policy-setting.js';
import { Agency1763900700000 } from './1763900700000-agency.js';
import { Cameras1763900800000 } from './1763900800000-cameras.js';
import { FootageRequests1763900900000 } from './1763900900000-footage-requests.js';
import { CameraOwnerPrivacy1763901000000 } from './1763901000000-camera-owner-privacy.js';
import { Consent1763901100000 } from './1763901100000-consent.js';
import { Notifications1763901200000 } from './1763901200000-notifications.js';
import { ConsentCameraPlace1763901300000 } from './1763901300000-consent-camera-place.js';
import { RecordingOwnerRetention1763901400000 } from './1763901400000-recording-owner-retention.js';
import { SandboxWorld1763901500000 } from './1763901500000-sandbox-world.js';
import { IdentityPublishedViews1763901600000 } from './1763901600000-identity-published-views.js';
import { AgenciesPublishedViews1763901700000 } from './1763901700000-agencies-published-views.js';
import { CamerasPublishedViews1763901800000 } from './1763901800000-cameras-published-views.js';
import { RequestsPublishedViews1763901900000 } from './1763901900000-requests-published-views.js';
import { ConsentPublishedViews1763902000000 } from './1763902000000-consent-published-views.js';
import { AuditPublishedViews1763902100000 } from './1763902100000-audit-published-views.js';
import { DisclosureOverrides1763902200000 } from './1763902200000-disclosure-overrides.js';
import { TransparencyPublishedViews1763902300000 } from './1763902300000-transparency-published-views.js';
import { RequestOwnersAsked1763902400000 } from './1763902400000-request-owners-asked.js';
import { FeedPosts1763902500000 } from './1763902500000-feed-posts.js';

/** Every migration, oldest first. A new migration is added here and nowhere else. */
export const migrations = [EnablePostgis1763900000000, SandboxClock1763900050000, AppUser1763900100000, AuditEvent1763900200000, Outbox1763900300000, IdempotencyKey1763900500000, PolicySetting1763900600000, Agency1763900700000, Cameras1763900800000, FootageRequests1763900900000, CameraOwnerPrivacy1763901000000, Consent1763901100000, Notifications1763901200000, ConsentCameraPlace1763901300000, RecordingOwnerRetention1763901400000, SandboxWorld1763901500000, IdentityPublishedViews1763901600000, AgenciesPublishedViews1763901700000, CamerasPublishedViews1763901800000, RequestsPublishedViews1763901900000, ConsentPublishedViews1763902000000, AuditPublishedViews1763902100000, DisclosureOverrides1763902200000, TransparencyPublishedViews1763902300000, RequestOwnersAsked1763902400000, FeedPosts1763902500000];
