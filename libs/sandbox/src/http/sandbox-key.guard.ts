import { createHash, timingSafeEqual } from 'node:crypto';
import { AppConfig } from '@app/config';
import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { SandboxKeyInvalidError } from '../sandbox.errors.js';

// Comparing digests gives timingSafeEqual the equal-length buffers it needs, so neither the
// key's content nor its length leaks through response timing.
const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/** Every sandbox route needs the deployment's SANDBOX_KEY in `X-Sandbox-Key`. */
@Injectable()
export class SandboxKeyGuard implements CanActivate {
  private readonly expected: Buffer | undefined;

  constructor(config: AppConfig) {
    this.expected = config.sandbox.key === undefined ? undefined : digest(config.sandbox.key);
  }

  canActivate(context: ExecutionContext): boolean {
    const sent = context.switchToHttp().getRequest<FastifyRequest>().headers['x-sandbox-key'];
    if (this.expected === undefined || typeof sent !== 'string' || !timingSafeEqual(digest(sent), this.expected)) {
      throw new SandboxKeyInvalidError();
    }
    return true;
  }
}
