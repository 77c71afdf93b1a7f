// The API client: typed by the OpenAPI document, sends the CSRF token with every change and the
// language shown with every request, and turns every failure into an ApiError carrying the
// server's problem document.
import createClient, { type Middleware } from 'openapi-fetch';
import { ApiError, toProblem } from './problem';
import type { paths } from './schema';

let csrfToken: string | null = null;

/** Remembers the token from login or GET /me; it goes in `x-csrf-token` on every change. */
export function setCsrfToken(token: string | null | undefined): void {
  csrfToken = token ?? null;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const csrf: Middleware = {
  onRequest({ request }) {
    if (UNSAFE.has(request.method) && csrfToken) {
      request.headers.set('x-csrf-token', csrfToken);
    }
    request.headers.set('accept', 'application/json, application/problem+json');
    // The server words its own texts (task subjects, notifications) in the language shown.
    const language = typeof document !== 'undefined' ? document.documentElement.lang : '';
    if (language) request.headers.set('accept-language', language);
    return request;
  },
};

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(csrf);

interface Outcome<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Awaits an openapi-fetch call and returns its data, or throws an ApiError.
 * `await unwrap(api.GET('/api/v1/users', { params: { query } }))`
 */
export async function unwrap<T>(call: Promise<Outcome<T>>): Promise<T> {
  let outcome: Outcome<T>;
  try {
    outcome = await call;
  } catch (cause) {
    throw new ApiError(0, { ...toProblem(0, null), detail: String(cause) });
  }
  const { data, error, response } = outcome;
  if (!response.ok) {
    throw new ApiError(response.status, toProblem(response.status, error));
  }
  return data as T;
}
