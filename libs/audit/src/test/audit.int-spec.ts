import { AuditModule, AuditService, GENESIS_HASH } from '@app/audit';
import { Clock, ClockModule } from '@app/clock';
import { ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { TestingModule } from '@nestjs/testing';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { auditHash } from '../domain/audit-hash.js';
import { testConfig } from '../../../../test/support/test-config.js';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';

interface StoredEvent {
  seq: string;
  prev_hash: string;
  hash: string;
}

describe('audit log: append-only hash chain', () => {
  let db: TestDatabase;
  let moduleRef: TestingModule;
  let audit: AuditService;
  let dataSource: DataSource;

  const record = (n: number, action = 'test.event') =>
    dataSource.transaction((manager) =>
      audit.record(manager, { actor: 'system', action, subject: `thing:${n}`, data: { n, nested: { b: 2, a: 1 } } }),
    );
  const recordMany = async (count: number) => {
    for (let n = 1; n <= count; n++) await record(n);
  };
  const rows = (): Promise<StoredEvent[]> => dataSource.query('SELECT seq, prev_hash, hash FROM audit_event ORDER BY seq');
  /** Only a transaction that sets porchlight.allow_truncate may empty the log (as the sandbox reset does). */
  const emptyLog = () =>
    dataSource.transaction(async (manager) => {
      await manager.query("SET LOCAL porchlight.allow_truncate = 'on'");
      await manager.query('TRUNCATE audit_event');
    });
  /** Changes a row as someone with DDL rights could, around the append-only trigger. */
  const tamper = async (sql: string) => {
    await dataSource.query('ALTER TABLE audit_event DISABLE TRIGGER USER');
    try {
      await dataSource.query(sql);
    } finally {
      await dataSource.query('ALTER TABLE audit_event ENABLE TRIGGER USER');
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    moduleRef = await Test.createTestingModule({
      imports: [
        // 50 writers at once should really be 50 open transactions, not a queue in the pool.
        ConfigModule.forRoot(testConfig(db.url, { DATABASE_POOL_SIZE: '51' })),
        DatabaseModule,
        ClockModule,
        AuditModule,
      ],
    }).compile();
    await moduleRef.init();
    audit = moduleRef.get(AuditService);
    dataSource = moduleRef.get<DataSource>(getDataSourceToken());
  });
  afterAll(async () => {
    await moduleRef?.close();
    await db?.drop();
  });
  beforeEach(emptyLog);

  it('verifies an empty log as ok with no head', async () => {
    expect(await audit.verify()).toEqual({ ok: true, length: 0, head: null });
  });

  it('chains events from the genesis hash, seq 1, 2, 3 …, and verify returns the last hash as head', async () => {
    await recordMany(5);
    const chain = await rows();
    expect(chain.map((row) => Number(row.seq))).toEqual([1, 2, 3, 4, 5]);
    expect(chain[0]!.prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < chain.length; i++) expect(chain[i]!.prev_hash).toBe(chain[i - 1]!.hash);
    expect(await audit.verify()).toEqual({ ok: true, length: 5, head: chain[4]!.hash });
  });

  it('appends a batch in order after the head, chained as single appends are, and nothing for an empty batch', async () => {
    await recordMany(2);
    await dataSource.transaction(async (manager) => {
      await audit.recordAll(manager, []);
      await audit.recordAll(manager, [3, 4, 5].map((n) => ({ actor: 'system', action: 'test.batch', subject: `thing:${n}`, data: { n, quote: `it's "${n}"` } })));
    });
    const chain = await rows();
    expect(chain.map((row) => Number(row.seq))).toEqual([1, 2, 3, 4, 5]);
    for (let i = 1; i < chain.length; i++) expect(chain[i]!.prev_hash).toBe(chain[i - 1]!.hash);
    const subjects = await dataSource.query("SELECT subject, data FROM audit_event WHERE action = 'test.batch' ORDER BY seq");
    expect(subjects).toEqual([3, 4, 5].map((n) => ({ subject: `thing:${n}`, data: { n, quote: `it's "${n}"` } })));
    expect(await audit.verify()).toEqual({ ok: true, length: 5, head: chain[4]!.hash });
  });

  it('takes the time from the Clock, so sandbox time is what the log shows', async () => {
    const target = new Date('2031-03-04T05:06:07.891Z');
    await moduleRef.get(Clock).setNow(target);
    try {
      await record(1);
    } finally {
      await moduleRef.get(Clock).setNow(new Date());
    }
    const [{ at }] = await dataSource.query('SELECT at FROM audit_event');
    expect(at.getTime()).toBeGreaterThanOrEqual(target.getTime());
    expect(at.getTime()).toBeLessThan(target.getTime() + 60_000);
    expect((await audit.verify()).ok).toBe(true);
  });

  it('verifies data whose keys jsonb reorders and whose undefined members it cannot store', async () => {
    await dataSource.transaction((manager) =>
      audit.record(manager, {
        actor: 'anonymous',
        action: 'test.odd_data',
        subject: 'thing:1',
        data: { zeta: 'ü', alpha: [1.5, 1e21, null], missing: undefined, when: new Date('2025-01-01T00:00:00Z') },
      }),
    );
    expect(await audit.verify()).toMatchObject({ ok: true, length: 1 });
  });

  it('refuses UPDATE of an event, in the database itself', async () => {
    await recordMany(2);
    await expect(dataSource.query("UPDATE audit_event SET actor = 'someone-else' WHERE seq = 1")).rejects.toThrow(
      /append-only/,
    );
    expect(await audit.verify()).toMatchObject({ ok: true, length: 2 });
  });

  it('refuses DELETE of an event, in the database itself', async () => {
    await recordMany(2);
    await expect(dataSource.query('DELETE FROM audit_event WHERE seq = 2')).rejects.toThrow(/append-only/);
    expect(await rows()).toHaveLength(2);
  });

  it('refuses TRUNCATE unless the transaction set porchlight.allow_truncate', async () => {
    await recordMany(2);
    await expect(dataSource.query('TRUNCATE audit_event')).rejects.toThrow(/allow_truncate/);
    expect(await rows()).toHaveLength(2);
    // SET LOCAL ends with its transaction: the next TRUNCATE is refused again.
    await emptyLog();
    expect(await rows()).toHaveLength(0);
    await record(1);
    await expect(dataSource.query('TRUNCATE audit_event')).rejects.toThrow(/allow_truncate/);
  });

  it('starts a new chain from seq 1 and the genesis hash after the log was emptied', async () => {
    await recordMany(2);
    await emptyLog();
    await record(1);
    expect(await rows()).toEqual([{ seq: '1', prev_hash: GENESIS_HASH, hash: expect.any(String) }]);
    expect((await audit.verify()).ok).toBe(true);
  });

  it('reports an event changed around the trigger at exactly its seq', async () => {
    await recordMany(5);
    await tamper(`UPDATE audit_event SET data = '{"n": 99}' WHERE seq = 3`);
    expect(await audit.verify()).toEqual({ ok: false, length: 2, firstBadSeq: 3 });
  });

  it('reports a changed timestamp at its seq', async () => {
    await recordMany(3);
    await tamper(`UPDATE audit_event SET at = at - interval '1 millisecond' WHERE seq = 2`);
    expect(await audit.verify()).toEqual({ ok: false, length: 1, firstBadSeq: 2 });
  });

  it('reports an event deleted around the trigger as a gap at the missing seq', async () => {
    await recordMany(4);
    await tamper('DELETE FROM audit_event WHERE seq = 2');
    expect(await audit.verify()).toEqual({ ok: false, length: 1, firstBadSeq: 2 });
  });

  it('reports an event rewritten with a matching hash at the next seq, whose link no longer fits', async () => {
    await recordMany(3);
    // A forger who recomputes the altered event's own hash still cannot fix the events after it.
    const [row] = await dataSource.query('SELECT at, actor, action, data, prev_hash FROM audit_event WHERE seq = 2');
    const forgedHash = auditHash({ ...row, seq: 2, subject: 'thing:forged', prevHash: row.prev_hash });
    await tamper(`UPDATE audit_event SET subject = 'thing:forged', hash = '${forgedHash}' WHERE seq = 2`);
    expect(await audit.verify()).toEqual({ ok: false, length: 2, firstBadSeq: 3 });
  });

  it('leaves no trace of an event written in a rolled-back transaction, and the chain stays whole', async () => {
    await recordMany(2);
    await expect(
      dataSource.transaction(async (manager) => {
        await audit.record(manager, { actor: 'system', action: 'test.rolled_back', subject: 'thing:x' });
        throw new Error('the audited change failed');
      }),
    ).rejects.toThrow('the audited change failed');
    await record(3);
    const chain = await rows();
    expect(chain.map((row) => Number(row.seq))).toEqual([1, 2, 3]);
    expect(await dataSource.query("SELECT 1 FROM audit_event WHERE action = 'test.rolled_back'")).toEqual([]);
    expect(await audit.verify()).toMatchObject({ ok: true, length: 3 });
  });

  it('keeps one unbroken chain of 50 when 50 transactions write at once', async () => {
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        dataSource.transaction(async (manager) => {
          // Each transaction first does work of its own, so all 50 are open when they reach the log.
          await manager.query('SELECT pg_sleep(0.02)');
          await audit.record(manager, { actor: 'system', action: 'test.concurrent', subject: `thing:${i}` });
        }),
      ),
    );
    const chain = await rows();
    expect(chain.map((row) => Number(row.seq))).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(chain.map((row) => row.prev_hash)).size).toBe(50);
    expect(await audit.verify()).toEqual({ ok: true, length: 50, head: chain[49]!.hash });
  });

  it('takes the same lock when called without a transaction, so such writers cannot fork the chain either', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        audit.record(dataSource.manager, { actor: 'system', action: 'test.no_tx', subject: `thing:${i}` }),
      ),
    );
    expect(await audit.verify()).toMatchObject({ ok: true, length: 20 });
  });

  it('verifies a chain longer than one verify batch', async () => {
    // Written in one transaction to keep the test quick; the chain is the same as 1,205 commits.
    await dataSource.transaction(async (manager) => {
      for (let n = 0; n < 1205; n++) await audit.record(manager, { actor: 'system', action: 'test.bulk', subject: `thing:${n}` });
    });
    expect(await audit.verify()).toMatchObject({ ok: true, length: 1205 });
    await tamper("UPDATE audit_event SET subject = 'thing:forged' WHERE seq = 1100");
    expect(await audit.verify()).toEqual({ ok: false, length: 1099, firstBadSeq: 1100 });
  });
});
