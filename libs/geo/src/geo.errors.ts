import { ValidationError } from '@app/errors';

/** Every error geo answers with: shapes and boxes a client sent that cannot be used. */

export class GeometryInvalidError extends ValidationError {
  constructor(reason: string, field: string) {
    super(`${field} is not a valid polygon: ${reason}`, [{ field, problems: [reason] }], 'GEOMETRY_INVALID');
  }
}

export class BboxInvalidError extends ValidationError {
  constructor(field: string, problem: string) {
    super(`${field} ${problem}`, [{ field, problems: [problem] }], 'BBOX_INVALID');
  }
}

export class BboxTooLargeError extends ValidationError {
  constructor(squareMeters: number, maxSquareMeters: number, field = 'bbox') {
    super(
      `${field} covers ${Math.round(squareMeters / 1e4) / 100} km²; at most ${maxSquareMeters / 1e6} km² per query`,
      [{ field, problems: [`larger than ${maxSquareMeters / 1e6} km²`] }],
      'BBOX_TOO_LARGE',
    );
  }
}
