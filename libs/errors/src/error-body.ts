import { STATUS_CODES } from 'node:http';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';

/**
 * How large an error body may grow. A client's odd input (thousands of unknown fields, a
 * megabyte-long key with a NUL in it) is named back in `message` and `details`, so without
 * these an error answer could be as large as the request, or larger.
 */
export const ERROR_LIMITS = { message: 2000, fields: 50, field: 200, problems: 10, problem: 300 } as const;

/** One invalid input (a body field by its dotted path, a query or path parameter) and what is wrong with it. */
export class FieldProblem {
  @ApiProperty({ example: 'area.center.lat', maxLength: ERROR_LIMITS.field })
  field: string;

  @ApiProperty({
    type: 'array',
    items: { type: 'string', maxLength: ERROR_LIMITS.problem },
    maxItems: ERROR_LIMITS.problems,
    example: ['lat must be a latitude string or number'],
  })
  problems: string[];
}

/** The contract's error shape, the only body an error response ever has. */
@ApiExtraModels(FieldProblem)
export class ErrorBody {
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 400, maximum: 599, example: 422 })
  statusCode: number;

  @ApiProperty({ example: 'Unprocessable Entity', maxLength: 64, description: 'The status code’s reason phrase' })
  error: string;

  @ApiProperty({ example: 'The area is larger than the active policy allows', maxLength: ERROR_LIMITS.message })
  message: string;

  @ApiPropertyOptional({ example: 'POLICY_AREA_TOO_LARGE', pattern: '^[A-Z][A-Z0-9_]*$', maxLength: 64, description: 'Stable, documented error code' })
  code?: string;

  @ApiPropertyOptional({
    description:
      'Invalid input: a list of fields and their problems (at most the first ' +
      `${ERROR_LIMITS.fields}). Otherwise an object naming the rule's limit and the value sent, ` +
      'e.g. {"maxSeconds": 3600, "seconds": 7200}, {"requiredRoles": ["admin"]}, {"retryAfterSeconds": 42}.',
    oneOf: [
      { type: 'array', items: { $ref: getSchemaPath(FieldProblem) }, maxItems: ERROR_LIMITS.fields },
      { type: 'object', additionalProperties: true },
    ],
  })
  details?: FieldProblem[] | Record<string, unknown>;

  @ApiProperty({
    example: '7c0e1a4e-7d1f-4a53-9d0e-2b7f1b8c9a10',
    pattern: '^[\\w.:-]{1,128}$',
    maxLength: 128,
    description: 'Also in the x-request-id header and the log line of the request',
  })
  requestId: string;
}

const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

const isFieldProblem = (value: unknown): value is FieldProblem =>
  typeof (value as FieldProblem | null)?.field === 'string' && Array.isArray((value as FieldProblem).problems);

/** Field problems within ERROR_LIMITS; any other details are the api's own small objects, kept as they are. */
function boundedDetails(details: unknown): unknown {
  if (!Array.isArray(details) || !details.every(isFieldProblem)) return details;
  return details.slice(0, ERROR_LIMITS.fields).map(({ field, problems }) => ({
    field: clip(field, ERROR_LIMITS.field),
    problems: problems.slice(0, ERROR_LIMITS.problems).map((problem) => clip(String(problem), ERROR_LIMITS.problem)),
  }));
}

export function errorBody(
  statusCode: number,
  message: string,
  requestId: string,
  code?: string,
  details?: unknown,
): ErrorBody {
  return {
    statusCode,
    error: STATUS_CODES[statusCode] ?? 'Error',
    message: clip(message, ERROR_LIMITS.message),
    ...(code === undefined ? {} : { code }),
    ...(details === undefined ? {} : { details: boundedDetails(details) as ErrorBody['details'] }),
    requestId,
  };
}
