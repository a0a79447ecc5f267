import { currentLocale, translate } from '../i18n/index.ts';

/** A field-level problem as the server reports it (dotted path of the request field). */
export interface FieldProblem {
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

/** Every failed call ends here: the server's stable code and its message in the UI language. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: readonly FieldProblem[];

  constructor(status: number, code: string, message: string, fields: readonly FieldProblem[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

export type PendingStep = 'password' | 'totp';

interface ApiHooks {
  csrfToken: () => string | null;
  /** A call answered 401: the session is gone (idle, expired, ended elsewhere). */
  onUnauthenticated: () => void;
  /** A call answered that the password must be changed or TOTP enrolled first. */
  onStepRequired: (step: PendingStep) => void;
}

const hooks: ApiHooks = {
  csrfToken: () => null,
  onUnauthenticated: () => undefined,
  onStepRequired: () => undefined,
};

export function configureApi(next: Partial<ApiHooks>): void {
  Object.assign(hooks, next);
}

let lastAnswerAt = Date.now();

/** When the server last answered this tab; the idle watch compares it with the session's idle limit. */
export function lastApiAnswerAt(): number {
  return lastAnswerAt;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

interface CallOptions {
  query?: Query;
  body?: unknown;
  /** A file sent as the request body as is (an .xlsx upload), with its content type. */
  file?: { data: Blob; contentType: string };
  /** Do not treat 401 as "session ended" (the start-up probe and the login call). */
  expectUnauthenticated?: boolean;
  /** Cancels the request (a list that has started a newer one). */
  signal?: AbortSignal;
}

const BASE = '/api/v1';

export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${BASE}${path}${search ? `?${search}` : ''}`;
}

async function errorOf(response: Response, options: CallOptions): Promise<ApiError> {
  let payload: { error?: { code?: string; message?: string; fields?: FieldProblem[] } } = {};
  try {
    payload = (await response.json()) as typeof payload;
  } catch {
    // Not JSON (a proxy's error page): fall through to the generic message.
  }
  const code = payload.error?.code ?? 'server.internal';
  const error = new ApiError(
    response.status,
    code,
    payload.error?.message ?? translate('errors.unknown'),
    payload.error?.fields ?? [],
  );
  if (response.status === 401 && code === 'auth.unauthenticated' && !options.expectUnauthenticated) {
    hooks.onUnauthenticated();
  }
  if (code === 'auth.password_change_required') hooks.onStepRequired('password');
  if (code === 'auth.totp_enrolment_required') hooks.onStepRequired('totp');
  return error;
}

async function send(method: string, path: string, options: CallOptions = {}): Promise<Response> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLocale(),
  };
  const init: RequestInit = { method, headers, credentials: 'same-origin', signal: options.signal };
  if (method !== 'GET') {
    const token = hooks.csrfToken();
    if (token) headers['X-CSRF-Token'] = token;
  }
  if (options.file) {
    headers['Content-Type'] = options.file.contentType;
    init.body = options.file.data;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), init);
  } catch {
    throw new ApiError(0, 'network', translate('errors.network'));
  }
  lastAnswerAt = Date.now();
  if (!response.ok) throw await errorOf(response, options);
  return response;
}

/** The answer's JSON; `undefined` for an answer without a body (204 No Content). */
async function json<T>(method: string, path: string, options?: CallOptions): Promise<T> {
  const response = await send(method, path, options);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="([^"]+)"/i.exec(header)?.[1] ?? fallback;
}

export const api = {
  get: <T>(path: string, query?: Query, options?: Omit<CallOptions, 'query' | 'body'>) =>
    json<T>('GET', path, { ...options, query }),
  post: <T>(path: string, body?: unknown, options?: Omit<CallOptions, 'body'>) =>
    json<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body: unknown) => json<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown, query?: Query) => json<T>('PUT', path, { body, query }),
  /** Posts a file as the raw request body (e.g. an Excel import). */
  upload: <T>(path: string, file: Blob, contentType: string, query?: Query) =>
    json<T>('POST', path, { file: { data: file, contentType }, query }),
  delete: <T>(path: string) => json<T>('DELETE', path),
  /** A file answer (e.g. an Excel export), saved through a temporary link. */
  async download(path: string, query: Query, fallbackName: string): Promise<string> {
    const response = await send('GET', path, { query });
    const name = fileNameOf(response, fallbackName);
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return name;
  },
};
