import { Module } from '@nestjs/common';
import { ModerationOverridesController } from './http/moderation-overrides.controller.js';
import { PortalOverridesController } from './http/portal-overrides.controller.js';
import { OverridesModule } from './overrides.module.js';

/** The portal's override route and the moderators' queue, for the api. */
@Module({ imports: [OverridesModule], controllers: [PortalOverridesController, ModerationOverridesController] })
export class OverridesHttpModule {}
