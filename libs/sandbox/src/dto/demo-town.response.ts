import { AGENCY_NAME_MAX } from '@app/agencies';
import { type Role, ROLES } from '@app/auth';
import { DEMO_PEOPLE_COUNT, MAX_STREETS_EACH_WAY, type SeededTown, type TownBbox } from '@app/demo-town';
import { COUNT_PROPERTY, UUID_PROPERTY } from '@app/errors';
import { LatLngDto, LineStringDto } from '@app/geo';
import { DISPLAY_NAME_MAX, EMAIL_MAX } from '@app/identity';
import { ApiProperty } from '@nestjs/swagger';

const STREET_AXES = ['east-west', 'north-south'] as const;

export class DemoPersonResponse {
  @ApiProperty(UUID_PROPERTY) userId: string;
  @ApiProperty({ enum: ROLES, example: 'resident' }) role: Role;
  @ApiProperty({ example: 'alice@porchlight.local', maxLength: EMAIL_MAX }) email: string;
  @ApiProperty({ example: 'Alice Alvarez', maxLength: DISPLAY_NAME_MAX }) displayName: string;
  @ApiProperty({ ...UUID_PROPERTY, nullable: true, description: 'Officers and agency admins only' }) agencyId: string | null;
  @ApiProperty({ type: String, nullable: true, maxLength: AGENCY_NAME_MAX, example: 'Porchlight Falls Police Department — North Precinct' })
  agencyName: string | null;
}

export class StreetProperties {
  @ApiProperty({ enum: STREET_AXES }) axis: (typeof STREET_AXES)[number];
}

export class StreetFeature {
  @ApiProperty({ enum: ['Feature'] }) type: 'Feature';
  @ApiProperty({ type: LineStringDto, description: "The street's centre line, edge to edge of the town" }) geometry: LineStringDto;
  @ApiProperty({ type: StreetProperties }) properties: StreetProperties;
}

export class StreetCollection {
  @ApiProperty({ enum: ['FeatureCollection'] }) type: 'FeatureCollection';
  @ApiProperty({ type: [StreetFeature], maxItems: 2 * MAX_STREETS_EACH_WAY }) features: StreetFeature[];
}

export class DemoTownMapResponse {
  @ApiProperty({ example: 'Porchlight Falls', maxLength: 200, description: "The town's name: Porchlight Falls, or the scenario's title" }) name: string;
  @ApiProperty({ type: LatLngDto }) center: LatLngDto;
  @ApiProperty({
    type: 'array',
    items: { type: 'number', format: 'double', minimum: -180, maximum: 180 },
    minItems: 4,
    maxItems: 4,
    description: '[west, south, east, north] in degrees (GeoJSON order): the street grid fills it',
    example: [-105.004319, 39.72842, -104.976281, 39.74998],
  })
  bbox: TownBbox;
  @ApiProperty({ type: StreetCollection, description: 'The street grid, to draw the town without a tile server' }) streets: StreetCollection;
}

export class DemoTownResponse {
  @ApiProperty({ type: [DemoPersonResponse], maxItems: DEMO_PEOPLE_COUNT, description: 'The named people, the admin first (no passwords)' })
  people: DemoPersonResponse[];
  @ApiProperty({ type: DemoTownMapResponse }) town: DemoTownMapResponse;
  @ApiProperty({ ...COUNT_PROPERTY, example: 300, description: 'Generated neighbours, besides the named people' }) neighbours: number;
  @ApiProperty({ ...COUNT_PROPERTY, example: 200, description: "The generated neighbours' cameras" }) cameras: number;
}

export function toDemoTownResponse(town: SeededTown): DemoTownResponse {
  const { center, bbox, streets } = town.map;
  return {
    people: town.people,
    town: {
      name: town.name,
      center,
      bbox,
      streets: {
        type: 'FeatureCollection',
        features: streets.map(({ axis, line }) => ({ type: 'Feature', geometry: line, properties: { axis } })),
      },
    },
    neighbours: town.neighbours,
    cameras: town.cameras,
  };
}
