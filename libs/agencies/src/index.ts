export { AgenciesHttpModule } from './agencies-http.module.js';
export { AgenciesModule } from './agencies.module.js';
export { type AgencyView } from './agencies.repository.js';
export { AgenciesService, type AgencyInput } from './agencies.service.js';
export { AGENCY_KINDS, type AgencyKind, type AgencySearch, type AgencyStats } from './domain/agency.js';
export { AgencyEntity } from './entities/agency.entity.js';
export { NAME_MAX as AGENCY_NAME_MAX } from './dto/create-agency.dto.js';
