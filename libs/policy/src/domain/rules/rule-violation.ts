/** A broken rule of the active policy: `code` is stable, `details` carries the limit and the value. */
export interface RuleViolation {
  code: string;
  message: string;
  details: Record<string, unknown>;
}

export const violation = (code: string, message: string, details: Record<string, unknown> = {}): RuleViolation => ({
  code,
  message,
  details,
});
