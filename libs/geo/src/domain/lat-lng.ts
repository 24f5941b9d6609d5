/** A point on the globe in WGS 84 degrees, the only coordinate shape the API speaks. */
export interface LatLng {
  lat: number;
  lng: number;
}
