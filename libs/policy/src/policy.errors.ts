import { ForbiddenError, PolicyViolationError, ValidationError } from '@app/errors';
import type { PolicyProblem } from './domain/resolve-policy.js';
import type { RuleViolation } from './domain/rules/rule-violation.js';

/** Every error the policy context answers with: a broken rule (422 naming it), a closed door (403 naming it) and bad changes (400). */

export class PolicyRuleBrokenError extends PolicyViolationError {
  constructor(violation: RuleViolation) {
    super(violation.code, violation.message, violation.details);
  }
}

/** A rule that closes a door to a role altogether (403 naming the rule) rather than refusing a request's content. */
export class PolicyForbidsError extends ForbiddenError {
  constructor(violation: RuleViolation) {
    super(violation.message, violation.code, violation.details);
  }
}

export class PolicyChangeEmptyError extends ValidationError {
  constructor() {
    super('Give a profile and/or at least one policy field', [{ field: 'profile', problems: ['a profile or a policy field is required'] }]);
  }
}

export class PolicyInvalidError extends ValidationError {
  constructor(problems: PolicyProblem[]) {
    super('Invalid policy', problems);
  }
}
