/** The BullMQ queue whose jobs run every registered due task at the clock's current time. */
export const CLOCK_QUEUE = 'clock';

export const ClockJob = {
  /** The repeatable job that keeps due work running in real time. */
  Tick: 'tick',
  /** A one-off job the sandbox adds after moving the clock, and waits for. */
  Settle: 'settle',
} as const;

export const CLOCK_TICK_SCHEDULER_ID = 'clock-tick';
