// The public transparency report: counts over the views requests, consent, overrides, agencies
// and audit publish; it owns no table.
export type { AgencyFigures, Figures, Report } from './domain/report.js';
export { TransparencyModule } from './transparency.module.js';
export { TransparencyService } from './transparency.service.js';
