export const databaseNameOf = (url: string): string => decodeURIComponent(new URL(url).pathname.slice(1));

export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(name)}`;
  return parsed.toString();
}

/** Tests never touch the demo database: they use `<name>_test` on the same server. */
export const testDatabaseUrl = (url: string): string => withDatabaseName(url, `${databaseNameOf(url)}_test`);

/** The simulator's migrated template, `<name>_sim`: each run clones it, so runs never touch the demo data. */
export const simTemplateUrl = (url: string): string => withDatabaseName(url, `${databaseNameOf(url)}_sim`);
