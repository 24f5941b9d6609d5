import pg from 'pg';
import { withDatabaseName } from './database-url.js';

/** `work` on a connection to the server's maintenance database (`postgres`), for what acts on whole databases. */
export async function onServer<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabaseName(url, 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
