import type { ApiPropertyOptions } from '@nestjs/swagger';
import { MAX_DURATION_SECONDS, RULE_FIELDS } from '../domain/policy-fields.js';
import type { PolicyRules } from '../domain/policy.js';

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
    case 'list':
      // Each value at most once, so the list is never longer than the values there are.
      return { enum: [...spec.values], isArray: true, maxItems: spec.values.length, uniqueItems: true };
    case 'offsets':
      return {
        type: 'array',
        items: { type: 'integer', format: 'int32', minimum: 1, maximum: MAX_DURATION_SECONDS },
        maxItems: spec.maxItems,
        uniqueItems: true,
      };
    case 'number':
      return {
        ...(spec.integer ? { type: 'integer', format: 'int32' } : { type: 'number', format: 'double' }),
        minimum: spec.min,
        maximum: spec.max,
        nullable: spec.nullable,
      };
  }
}
