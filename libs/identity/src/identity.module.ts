import { createSecretKey } from 'node:crypto';
import { AuditModule } from '@app/audit';
import { AppConfig } from '@app/config';
import { Global, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessTokenAuthenticator } from './access-token-authenticator.js';
import { AuthService } from './auth.service.js';
import { UserEntity } from './entities/user.entity.js';
import { TokenService } from './token.service.js';
import { UsersRepository } from './users.repository.js';
import { UsersService } from './users.service.js';

/** Users, passwords and tokens for every process (api, worker, simulator, seed); no HTTP. */
@Global()
@Module({
  imports: [
    AuditModule,
    TypeOrmModule.forFeature([UserEntity]),
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // A KeyObject, not the string: jsonwebtoken tries to parse a string secret as a PEM
        // key on every call, which costs ~0.3 ms CPU per request (see PERFORMANCE.md).
        secret: createSecretKey(Buffer.from(config.auth.jwtSecret, 'utf8')),
        signOptions: { algorithm: 'HS256', expiresIn: config.auth.jwtTtlSeconds },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  providers: [UsersRepository, UsersService, TokenService, AuthService, AccessTokenAuthenticator],
  exports: [UsersService, TokenService, AuthService, AccessTokenAuthenticator],
})
export class IdentityModule {}
