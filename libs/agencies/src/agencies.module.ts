import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AgenciesRepository } from './agencies.repository.js';
import { AgenciesService } from './agencies.service.js';
import { AgencyEntity } from './entities/agency.entity.js';

/** Agencies and their staff for every process (api, simulator, seed); no HTTP. */
@Module({
  imports: [TypeOrmModule.forFeature([AgencyEntity])],
  providers: [AgenciesRepository, AgenciesService],
  exports: [AgenciesService],
})
export class AgenciesModule {}
