import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PolicySettingEntity } from './entities/policy-setting.entity.js';
import { PolicyService } from './policy.service.js';

/** Global: requests, cameras and the coverage map all read the active policy. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([PolicySettingEntity])],
  providers: [PolicyService],
  exports: [PolicyService],
})
export class PolicyModule {}
