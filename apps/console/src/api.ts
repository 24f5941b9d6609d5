/** The api's error shape (DESIGN.md, "HTTP"): shown to the class in plain words with its code. */
export interface ApiError {
  statusCode: number;
  code: string;
  message: string;
}

export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(`${error.message} (${error.code})`);
  }
}

/** GET a JSON resource of this api (same origin: the console is served by the api itself). */
export async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { accept: 'application/json' } });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = body as Partial<ApiError> | null;
    throw new ApiFailure({ statusCode: response.status, code: error?.code ?? 'UNKNOWN', message: error?.message ?? response.statusText });
  }
  return body as T;
}
