export { H3_RESOLUTION, cellCenter, cellOf, cellsInBbox, isCell, type Bbox } from './domain/h3.js';
export type { LatLng } from './domain/lat-lng.js';
export { LatLngDto } from './dto/lat-lng.dto.js';
