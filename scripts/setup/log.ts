export const say = (message: string): void => {
  process.stdout.write(`[setup] ${message}\n`);
};

/** A step that cannot be done here: one sentence on what to do instead, then exit. */
export class SetupError extends Error {}
