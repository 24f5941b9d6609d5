export {
  H3_CELL_PROPERTY,
  H3_RESOLUTION,
  cellCenter,
  cellOf,
  cellsCoveringCircle,
  cellsInBbox,
  cellsOfPolygon,
  cellsWithinRadius,
  distanceMeters,
  isCell,
  parentCell,
  type Bbox,
} from './domain/h3.js';
export type { LatLng } from './domain/lat-lng.js';
export { BboxQuery } from './dto/bbox-query.js';
export { DecimalQuery } from './dto/decimal-query.js';
export { LatLngDto } from './dto/lat-lng.dto.js';
export {
  EARTH_RADIUS_METERS,
  MAX_RADIUS_METERS,
  MIN_RADIUS_METERS,
  bboxAreaSquareMeters,
  circleAreaSquareMeters,
  areaFromStored,
  isCircleArea,
  type Area,
  type StoredArea,
  type CircleArea,
} from './domain/area.js';
export {
  toMultiPolygon,
  type LineString,
  type MultiPolygon,
  type Polygon,
  type PolygonalGeometry,
  type Position,
} from './domain/geojson.js';
export { CircleAreaDto, IsArea } from './dto/area.dto.js';
export { IsPolygonal, LineStringDto, MultiPolygonDto, PolygonDto } from './dto/geojson.dto.js';
export { assertMapBbox, MAX_MAP_BBOX_SQUARE_METERS, parseBbox } from './parse-bbox.js';
export {
  areaSquareMeters,
  assertValidGeometry,
  geometryAreaSquareMeters,
  type Queryable,
} from './postgis-geometry.js';
