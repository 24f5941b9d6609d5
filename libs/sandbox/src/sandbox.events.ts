/** What the sandbox records in the audit log: the first event of every new world, and clock moves. */
export const SANDBOX_RESET = 'sandbox.reset';
export const SANDBOX_CLOCK_MOVED = 'sandbox.clock_moved';
