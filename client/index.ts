import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './porchlight-api.js';

export type { components, operations, paths } from './porchlight-api.js';

/** Every documented route of Porchlight, with its parameters, bodies and answers typed. */
export type PorchlightClient = Client<paths>;

export interface PorchlightClientOptions {
  /** Where Porchlight listens, without `/api` (the documented paths start with it). */
  baseUrl: string;
  /** An `accessToken` (register, login) or the sandbox reset's `adminToken`. */
  token?: string;
  /** The deployment's SANDBOX_KEY, for `/api/sandbox/*`. */
  sandboxKey?: string;
}

/**
 * A client that sends the caller's credentials on every call. The document declares them as
 * security schemes, not parameters, so the typed calls have no place for them; one client per
 * user keeps each call in a test visibly made as someone.
 */
export function createPorchlightClient({ baseUrl, token, sandboxKey }: PorchlightClientOptions): PorchlightClient {
  return createClient<paths>({
    baseUrl,
    headers: { authorization: token === undefined ? undefined : `Bearer ${token}`, 'x-sandbox-key': sandboxKey },
  });
}

type Answer = { data?: unknown; error?: unknown; response: Response };
/** The `data` of the success member of openapi-fetch's answer, a `{ data } | { error }` union. */
type SuccessData<A> = A extends { data: infer D } ? D : never;

/**
 * The body of a successful answer. Any other answer throws with its status and the contract's
 * error body (code, message, requestId), so a test fails saying what Porchlight refused and why,
 * not later on an undefined field. Calls that expect a refusal read `{ error, response }` instead.
 */
export async function ok<A extends Answer>(call: Promise<A>): Promise<SuccessData<A>> {
  const { data, error, response } = await call;
  if (!response.ok) throw new Error(`${response.status} from ${response.url}: ${JSON.stringify(error)}`);
  return data as SuccessData<A>;
}
