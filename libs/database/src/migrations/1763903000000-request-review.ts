import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Review before publication (the policy's `requestReview`, Ring's 2025 Community Requests): a
 * request waits in `pending-review`, reaching nobody, until a moderator approves it (then it opens:
 * owners asked, expiry from then) or refuses it (`refused`, with the reason the officer sees).
 */
export class RequestReview1763903000000 implements MigrationInterface {
  name = 'RequestReview1763903000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE footage_request
        ADD COLUMN reviewed_at timestamptz NULL,
        ADD COLUMN review_reason text NULL,
        DROP CONSTRAINT footage_request_status_check,
        ADD CONSTRAINT footage_request_status_check
          CHECK (status IN ('pending-review', 'open', 'closed', 'expired', 'deleted', 'refused')),
        DROP CONSTRAINT footage_request_closed_at_check,
        ADD CONSTRAINT footage_request_closed_at_check CHECK ((status IN ('open', 'pending-review')) = (closed_at IS NULL)),
        ADD CONSTRAINT footage_request_reviewed CHECK ((reviewed_at IS NULL) = (review_reason IS NULL)),
        ADD CONSTRAINT footage_request_refused_reviewed CHECK (status <> 'refused' OR reviewed_at IS NOT NULL)`);
    // The moderators' queue, oldest first.
    await db.query(`CREATE INDEX footage_request_pending_review_idx ON footage_request (created_at, id) WHERE status = 'pending-review'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP INDEX footage_request_pending_review_idx');
    await db.query(`DELETE FROM footage_request WHERE status IN ('pending-review', 'refused')`);
    await db.query(`
      ALTER TABLE footage_request
        DROP CONSTRAINT footage_request_refused_reviewed, DROP CONSTRAINT footage_request_reviewed,
        DROP CONSTRAINT footage_request_closed_at_check,
        ADD CONSTRAINT footage_request_closed_at_check CHECK ((status = 'open') = (closed_at IS NULL)),
        DROP CONSTRAINT footage_request_status_check,
        ADD CONSTRAINT footage_request_status_check CHECK (status IN ('open', 'closed', 'expired', 'deleted')),
        DROP COLUMN review_reason, DROP COLUMN reviewed_at`);
  }
}
