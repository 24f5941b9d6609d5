import { FEED_RADIUS_MAX_METERS } from '@app/feed';
import { IsLatitude, IsLongitude, IsNumber, Max, Min } from 'class-validator';

const FINITE = { allowNaN: false, allowInfinity: false };

/** `feed.subscribe`'s payload: the area whose new posts the client wants, as `GET /api/feed` takes it. */
export class FeedSubscriptionDto {
  @IsNumber(FINITE)
  @IsLatitude()
  lat: number;

  @IsNumber(FINITE)
  @IsLongitude()
  lng: number;

  @IsNumber(FINITE)
  @Min(1)
  @Max(FEED_RADIUS_MAX_METERS)
  radiusMeters: number;
}
