import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * "A context owns its tables" (README, Architecture), checked where import rules cannot look: in
 * the SQL. Every table has one owning lib; a lib's SQL names only its own tables or views that an
 * owner publishes (`<owner>_<noun>`, created and commented in the owner's migration). Only the
 * owner writes a table.
 */
const TABLE_OWNERS: Record<string, string> = {
  sandbox_clock: 'clock',
  sandbox_world: 'world',
  app_user: 'identity',
  audit_event: 'audit',
  outbox_event: 'outbox',
  processed_event: 'outbox',
  idempotency_key: 'idempotency',
  policy_setting: 'policy',
  agency: 'agencies',
  camera: 'cameras',
  recording: 'cameras',
  privacy_setting: 'cameras',
  footage_request: 'requests',
  request_recipient: 'requests',
  request_offer: 'requests',
  consent: 'consent',
  consent_recording: 'consent',
  disclosure_override: 'overrides',
  override_owner: 'overrides',
  override_recording: 'overrides',
  notification: 'notifications',
  feed_post: 'feed',
  feed_thread_member: 'feed',
  feed_comment: 'feed',
  feed_post_recording: 'feed',
  feed_report: 'feed',
  simulation_comparison: 'comparisons',
};

/** Set-returning functions that SQL reads FROM like a table. */
const FUNCTIONS = new Set(['unnest', 'generate_series']);
/** The catalog: the sandbox's reset lists every table from it, owning none of their rows. */
const CATALOG = /^(pg_|information_schema)/;

const LIBS = readdirSync('libs');

/** Source without comments (TypeScript's and SQL's whole-line ones), whose prose may say "UPDATE". */
const code = (file: string): string =>
  readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*(\/\/|--).*$/gm, '');
const MIGRATIONS_DIR = 'libs/database/src/migrations';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test' || entry.name === 'migrations' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(entry.name) ? [path] : [];
  });
}

const NAME = '[a-z_][a-z0-9_]*';
const ITEM = `${NAME}(?:\\s+(?:AS\\s+)?${NAME})?`;
/** Relations after FROM/JOIN/USING (comma lists too), and write targets. SQL keywords are upper case here. */
const READ = new RegExp(`\\b(?:FROM|JOIN|USING)\\s+(${ITEM}(?:\\s*,\\s*${ITEM})*)(\\s*\\()?`, 'g');
const WRITE = new RegExp(`\\b(?:INSERT INTO|UPDATE|DELETE FROM|TRUNCATE(?: TABLE)?)\\s+(${NAME})`, 'g');
/** `name AS (` opens a common table expression: a name local to its statement. */
const CTE = new RegExp(`\\b(${NAME})\\s+AS\\s+(?:MATERIALIZED\\s+)?\\(`, 'g');

function relationsRead(source: string): string[] {
  return [...source.matchAll(READ)].flatMap(([, list, call]) => {
    const names = list!.split(',').map((item) => item.trim().split(/\s+/)[0]!);
    // `FROM unnest(…)`: a function, not a relation.
    return call && names.length === 1 ? [] : names;
  });
}

const written = (source: string): string[] => [...source.matchAll(WRITE)].map(([, name]) => name!);
const localNames = (source: string): Set<string> => new Set([...source.matchAll(CTE)].map(([, name]) => name!));

interface PublishedView {
  name: string;
  owner: string | undefined;
  definition: string;
  comment: string | undefined;
}

function publishedViews(): PublishedView[] {
  return readdirSync(MIGRATIONS_DIR).flatMap((file) => {
    const source = readFileSync(join(MIGRATIONS_DIR, file), 'utf8');
    return [...source.matchAll(new RegExp(`CREATE (?:OR REPLACE )?VIEW (${NAME}) AS([\\s\\S]*?)\`\\)`, 'g'))].map(([, name, definition]) => ({
      name: name!,
      owner: LIBS.find((lib) => name!.startsWith(`${lib}_`)),
      definition: definition!,
      comment: new RegExp(`COMMENT ON VIEW ${name} IS\\s+'([^']*)'`).exec(source)?.[1],
    }));
  });
}

const views = publishedViews();
const viewNames = new Set(views.map((view) => view.name));

describe('table ownership', () => {
  it('gives every table a migration creates exactly one owning lib', () => {
    const created = readdirSync(MIGRATIONS_DIR).flatMap((file) =>
      [...readFileSync(join(MIGRATIONS_DIR, file), 'utf8').matchAll(new RegExp(`CREATE TABLE (${NAME})`, 'g'))].map(([, name]) => name!),
    );
    expect(created.sort()).toEqual(Object.keys(TABLE_OWNERS).sort());
    for (const owner of Object.values(TABLE_OWNERS)) expect(LIBS).toContain(owner);
  });

  it.each(views.map((view) => [view.name, view] as const))('publishes %s from its owner, over its own tables, documented', (_name, view) => {
    expect(view.owner).toBeDefined();
    expect(view.comment).toMatch(new RegExp(`^Published by ${view.owner}\\. `));
    for (const relation of relationsRead(view.definition)) expect([relation, TABLE_OWNERS[relation]]).toEqual([relation, view.owner]);
  });

  describe.each(LIBS)('libs/%s', (lib) => {
    const files = sourceFiles(join('libs', lib, 'src'));

    it('reads only its own tables and the views owners publish', () => {
      const strays = files.flatMap((file) => {
        const source = code(file);
        const local = localNames(source);
        return relationsRead(source)
          .filter((name) => !local.has(name) && !FUNCTIONS.has(name) && !CATALOG.test(name) && !viewNames.has(name))
          .filter((name) => TABLE_OWNERS[name] !== lib)
          .map((name) => `${file}: ${name} (${TABLE_OWNERS[name] ? `owned by ${TABLE_OWNERS[name]}` : 'unknown'})`);
      });
      expect(strays).toEqual([]);
    });

    it('writes only its own tables', () => {
      const strays = files.flatMap((file) =>
        written(code(file))
          .filter((name) => TABLE_OWNERS[name] !== lib)
          .map((name) => `${file}: ${name}`),
      );
      expect(strays).toEqual([]);
    });
  });
});

describe('apps/sim', () => {
  /**
   * The town's set-up writes households, cameras and clips in batched statements where the
   * services would take one at a time (README, "The model, and what it simplifies"), through
   * the owners' bulk loaders (identity's and cameras'). Everything else in a run goes through
   * the services, and the measures read published views.
   */
  const files = sourceFiles(join('apps', 'sim', 'src'));

  it('reads only the views owners publish', () => {
    const strays = files.flatMap((file) => {
      const source = code(file);
      const local = localNames(source);
      return relationsRead(source)
        .filter((name) => !local.has(name) && !FUNCTIONS.has(name) && !viewNames.has(name))
        .map((name) => `${file}: ${name}`);
    });
    expect(strays).toEqual([]);
  });

  it('writes no table', () => {
    expect(files.flatMap((file) => written(code(file)).map((name) => `${file}: ${name}`))).toEqual([]);
  });
});

describe('the SQL scanner', () => {
  it('finds relations after FROM, JOIN and USING, comma lists included, and skips functions', () => {
    const sql = `SELECT 1 FROM recording r JOIN camera AS c ON c.id = r.camera_id, unnest($1::uuid[]) AS ids (id)
                 DELETE FROM notification USING due, app_user u WHERE x FROM generate_series(1, 2)`;
    expect(relationsRead(sql)).toEqual(['recording', 'camera', 'notification', 'due', 'app_user']);
  });

  it('finds write targets and common table expressions', () => {
    const sql = `WITH due AS (SELECT 1), purged AS MATERIALIZED (DELETE FROM recording) UPDATE camera SET a = 1;
                 INSERT INTO consent (id) SELECT 1 FOR UPDATE OF rr`;
    expect(written(sql)).toEqual(['recording', 'camera', 'consent']);
    expect([...localNames(sql)]).toEqual(['due', 'purged']);
  });
});
