import { INSTANT_PROPERTY } from '@app/errors';
import { ACCESS_TOKEN_PROPERTY } from '@app/identity';
import { ApiProperty } from '@nestjs/swagger';
import type { SettleStatus } from '@app/clock';

export class ClockStateResponse {
  @ApiProperty({ ...INSTANT_PROPERTY, example: '2030-01-01T09:00:00.000Z' }) now: string;
  @ApiProperty({ description: 'How far sandbox time is ahead of real time', example: 86400 }) offsetSeconds: number;
}

export class ClockMovedResponse {
  @ApiProperty({ ...INSTANT_PROPERTY, description: 'The sandbox time that was set' }) now: string;
  @ApiProperty({
    enum: ['ready', 'pending'],
    description: "'ready': every job due by `now` has run; 'pending': no worker finished them in time",
  })
  status: SettleStatus;
}

export class ResetResponse {
  @ApiProperty({ ...ACCESS_TOKEN_PROPERTY, description: 'Bearer token of the re-created admin' }) adminToken: string;
}
