import { createPorchlightClient, type PorchlightClient } from '../../../client/index.js';

export type { components, paths } from '../../../client/index.js';
export type { PorchlightClient };

/** The api's error shape (DESIGN.md, "HTTP"), shown to the class in plain words with its code. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface ErrorBodyLike {
  code?: string;
  message?: string | string[];
  error?: string;
}

/**
 * The body of a 2xx answer of the typed client; any other answer becomes an ApiFailure with the
 * contract's code, so every screen shows a refusal the same way.
 */
export async function answer<D>(call: Promise<{ data?: D; error?: unknown; response: Response }>): Promise<D> {
  let result: Awaited<typeof call>;
  try {
    result = await call;
  } catch {
    throw new ApiFailure(0, 'NETWORK', 'The api could not be reached. Is Porchlight still running?');
  }
  const { data, error, response } = result;
  if (response.ok) return data as D;
  const body = (error ?? {}) as ErrorBodyLike;
  const message = Array.isArray(body.message) ? body.message.join('; ') : (body.message ?? body.error ?? response.statusText);
  throw new ApiFailure(response.status, body.code ?? `HTTP_${response.status}`, message);
}

/** A typed client on this origin (the api serves the console), as one user or with the sandbox key. */
export function clientFor(credentials: { token?: string; sandboxKey?: string } = {}): PorchlightClient {
  return createPorchlightClient({ baseUrl: location.origin, ...credentials });
}

/** Plain words for anything a call threw. */
export function describeFailure(error: unknown): { message: string; code: string } {
  if (error instanceof ApiFailure) return { message: error.message, code: error.code };
  return { message: error instanceof Error ? error.message : String(error), code: 'CONSOLE_ERROR' };
}
