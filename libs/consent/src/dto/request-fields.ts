import { AGENCY_NAME_MAX } from '@app/agencies';
import { CAMERA_LABEL_MAX } from '@app/cameras';
import { CircleAreaDto, PolygonDto } from '@app/geo';
import { DISPLAY_NAME_MAX, EMAIL_MAX } from '@app/identity';
import { CASE_NUMBER_MAX, DESCRIPTION_MAX, INCIDENT_TYPE_MAX } from '@app/requests';
import { getSchemaPath } from '@nestjs/swagger';

/*
 * Fields consent answers with that other contexts took in: documented with the limits those
 * contexts' DTOs enforce (CreateRequestDto, CreateAgencyDto, CreateCameraDto, RegisterDto).
 */
export const CASE_NUMBER = { maxLength: CASE_NUMBER_MAX } as const;
export const INCIDENT_TYPE = { maxLength: INCIDENT_TYPE_MAX } as const;
export const DESCRIPTION = { maxLength: DESCRIPTION_MAX } as const;
export const AGENCY_NAME = { maxLength: AGENCY_NAME_MAX } as const;
export const CAMERA_LABEL = { maxLength: CAMERA_LABEL_MAX } as const;
export const DISPLAY_NAME = { maxLength: DISPLAY_NAME_MAX } as const;
export const EMAIL = { maxLength: EMAIL_MAX } as const;

export const AREA = {
  oneOf: [{ $ref: getSchemaPath(CircleAreaDto) }, { $ref: getSchemaPath(PolygonDto) }],
  description: '{center, radiusMeters} or a GeoJSON Polygon, as the agency sent it',
};

/**
 * Recordings offered to or shared by one owner for one request: as many as they hold in the
 * window, so not bounded by the api (see .spectral.yaml).
 */
export const RECORDING_IDS = { type: 'array', items: { type: 'string', format: 'uuid', maxLength: 36 } } as const;
