import { Transform } from 'class-transformer';
import { DECIMAL } from '../parse-bbox.js';

/**
 * A number sent in a query string: only a plain decimal becomes a number. Anything else ('', ' ',
 * '0x1F', 'Infinity') stays a string, so the property's @IsNumber refuses it with a 400 where
 * Number() would have read 0, 31 or Infinity.
 */
export const DecimalQuery = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' && DECIMAL.test(value) ? Number(value) : value));
