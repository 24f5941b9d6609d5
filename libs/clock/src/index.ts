export { Clock } from './clock.js';
export { ClockModule } from './clock.module.js';
export { DueTaskRegistry, type DueTask } from './due-tasks.js';
