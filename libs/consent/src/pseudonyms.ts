import { hkdfSync } from 'node:crypto';
import { AppConfig } from '@app/config';
import { Injectable } from '@nestjs/common';
import { pseudonymOf } from './domain/pseudonym.js';

/**
 * Pseudonymous ids of owners (in receipts) and officers (in owners' access logs). The key is
 * derived from JWT_SECRET with HKDF under its own label, so it is independent of the signing key
 * while needing no second secret; rotating JWT_SECRET gives everyone new pseudonyms from then on
 * (receipts already issued keep theirs: they are stored as sealed).
 */
@Injectable()
export class Pseudonyms {
  private readonly key: Buffer;

  constructor(config: AppConfig) {
    this.key = Buffer.from(hkdfSync('sha256', config.auth.jwtSecret, 'porchlight', 'pseudonyms', 32));
  }

  principal(userId: string): string {
    return pseudonymOf(this.key, 'principal', userId);
  }

  officer(userId: string): string {
    return pseudonymOf(this.key, 'officer', userId);
  }
}
