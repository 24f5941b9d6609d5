import { Clock } from '@app/clock';
import { encodePageCursor, isForeignKeyViolation, keysetPage, parseCursor } from '@app/database';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CamerasService } from './cameras.service.js';
import { recordingProblem, type RecordingTrigger } from './domain/recording-rules.js';
import type { RecordingEntity } from './entities/recording.entity.js';
import { PrivacyRepository } from './privacy.repository.js';
import { RecordingsRepository } from './recordings.repository.js';
import { CameraNotFoundError, RecordingNotFoundError, RecordingRefusedError, RecordingTimesInvalidError } from './cameras.errors.js';

export interface RecordingInput {
  startedAt: Date;
  endedAt: Date;
  trigger: RecordingTrigger;
}

export interface RecordingPage {
  items: RecordingEntity[];
  nextCursor: string | null;
}

/** Simulated clips of a resident's own cameras. */
@Injectable()
export class RecordingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cameras: CamerasService,
    private readonly recordings: RecordingsRepository,
    private readonly privacy: PrivacyRepository,
    private readonly clock: Clock,
  ) {}

  async create(ownerId: string, cameraId: string, input: RecordingInput): Promise<RecordingEntity> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        await this.cameras.get(ownerId, cameraId, manager);
        const now = await this.clock.now(manager);
        const problem = recordingProblem(input.startedAt, input.endedAt, now);
        if (problem) throw problem.kind === 'invalid' ? new RecordingTimesInvalidError(problem) : new RecordingRefusedError(problem);
        // The purge reads the owner's retention from the recording: copied under the owner's lock.
        const ownerRetentionDays = await this.privacy.lockedRetentionCopy(manager, ownerId);
        return this.recordings.insert(manager, { cameraId, ...input, createdAt: now, ownerRetentionDays });
      });
    } catch (error) {
      // The camera was deleted between the ownership check and the insert.
      if (isForeignKeyViolation(error)) throw new CameraNotFoundError();
      throw error;
    }
  }

  /** Any resident's recording with its owner, for audited staff access; missing → 404. */
  async findWithOwner(id: string): Promise<{ recording: RecordingEntity; ownerId: string }> {
    const found = await this.recordings.findWithOwner(id);
    if (!found) throw new RecordingNotFoundError();
    return found;
  }

  /** Newest first; `cursor` is the previous page's nextCursor. */
  async list(ownerId: string, cameraId: string, limit: number, cursor?: string): Promise<RecordingPage> {
    const after = parseCursor(cursor);
    await this.cameras.get(ownerId, cameraId);
    const rows = await this.recordings.page(cameraId, after, limit + 1);
    return keysetPage(rows, limit, (last) => encodePageCursor({ at: last.startedAt, id: last.id }));
  }
}
