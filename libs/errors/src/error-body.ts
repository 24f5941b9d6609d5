import { STATUS_CODES } from 'node:http';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The contract's error shape, the only body an error response ever has. */
export class ErrorBody {
  @ApiProperty({ example: 422 }) statusCode: number;
  @ApiProperty({ example: 'Unprocessable Entity' }) error: string;
  @ApiProperty({ example: 'The area is larger than the active policy allows' }) message: string;
  @ApiPropertyOptional({ example: 'POLICY_AREA_TOO_LARGE' }) code?: string;
  @ApiPropertyOptional({ description: 'Rule limits, invalid fields, …' }) details?: unknown;
  @ApiProperty({ example: '7c0e1a4e-7d1f-4a53-9d0e-2b7f1b8c9a10' }) requestId: string;
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
    message,
    ...(code === undefined ? {} : { code }),
    ...(details === undefined ? {} : { details }),
    requestId,
  };
}
