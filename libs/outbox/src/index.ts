export { OutboxModule } from './outbox.module.js';
export { OutboxRelayModule } from './outbox-relay.module.js';
export { OutboxService } from './outbox.service.js';
export { OutboxRelay } from './outbox-relay.js';
export { OUTBOX_PRUNE_TASK, OutboxPruneModule, OutboxPruneTask } from './outbox-prune.task.js';
export { OutboxHandlerRegistry } from './outbox-handler.registry.js';
export { OUTBOX_QUEUE, type OutboxEvent, type OutboxEventPayloads, type OutboxEventType, type OutboxHandler, type OutboxJobData } from './outbox-event.js';
