import { AppConfig } from '@app/config';
import type { INestApplication } from '@nestjs/common';
import { createSigner } from 'fast-jwt';

/** A token the api itself signed an hour ago that expired after a minute: real, but expired. */
export function expiredToken(app: INestApplication, claims: { sub: string; role: string }): string {
  const sign = createSigner({ key: app.get(AppConfig).auth.jwtSecret, algorithm: 'HS256', expiresIn: 60_000, clockTimestamp: Date.now() - 3_600_000 });
  return sign(claims);
}
