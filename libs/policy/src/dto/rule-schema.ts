import type { ApiPropertyOptions } from '@nestjs/swagger';
import { RULE_FIELDS } from '../domain/policy-fields.js';
import { PROHIBITED_PURPOSES, type PolicyRules } from '../domain/policy.js';

/**
 * The OpenAPI schema of one rule field, built from the domain's RULE_FIELDS, so that the range
 * the document gives (for the answer and for a change alike) is the one the api enforces.
 */
export function ruleSchema(field: keyof PolicyRules): ApiPropertyOptions {
  const spec = RULE_FIELDS[field];
  switch (spec.kind) {
    case 'enum':
      return { enum: spec.values };
    case 'boolean':
      return { type: Boolean };
    case 'purposes':
      // Each purpose at most once, so the list is never longer than the purposes there are.
      return { enum: PROHIBITED_PURPOSES, isArray: true, maxItems: PROHIBITED_PURPOSES.length, uniqueItems: true };
    case 'number':
      return {
        ...(spec.integer ? { type: 'integer', format: 'int32' } : { type: 'number', format: 'double' }),
        minimum: spec.min,
        maximum: spec.max,
        nullable: spec.nullable,
      };
  }
}
