export { Clock } from './clock.js';
export { ClockModule } from './clock.module.js';
export { DueTaskRegistry, type DueTask } from './due-tasks.js';
export { SettleChecks, type IdleCheck } from './settle-checks.js';
export { CLOCK_QUEUE, CLOCK_TICK_SCHEDULER_ID, ClockJob } from './jobs/clock-queue.js';
export { ClockSettler, type SettleStatus } from './jobs/clock-settler.js';
export { ClockSettlerModule } from './jobs/clock-settler.module.js';
export { ClockTickModule } from './jobs/clock-tick.module.js';
export { PeriodInvalidError, PeriodQueryDto, periodAsked, resolvePeriod, type Period } from './period/period.js';
