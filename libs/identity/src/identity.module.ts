import { AuditModule } from '@app/audit';
import { RequestAuthenticator } from '@app/auth';
import { Global, Module } from '@nestjs/common';
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
  imports: [AuditModule, TypeOrmModule.forFeature([UserEntity])],
  providers: [
    UsersRepository,
    UsersService,
    TokenService,
    AuthService,
    AccessTokenAuthenticator,
    { provide: RequestAuthenticator, useExisting: AccessTokenAuthenticator },
  ],
  exports: [UsersService, TokenService, AuthService, AccessTokenAuthenticator, RequestAuthenticator],
})
export class IdentityModule {}
