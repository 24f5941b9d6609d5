import type { LatLng } from '@app/geo';
import type { Point } from 'typeorm';

/** PostGIS points travel as GeoJSON, [lng, lat]; the API speaks {lat, lng}. */
export const toGeoJsonPoint = (point: LatLng): Point => ({ type: 'Point', coordinates: [point.lng, point.lat] });

export const toLatLng = (point: Point): LatLng => ({ lat: point.coordinates[1]!, lng: point.coordinates[0]! });
