import { freshTotpCode } from './totp.ts';

interface SessionState {
  csrfToken: string;
  user: { id: string; username: string };
}

/**
 * The REST API as a script uses it, for a journey's set-up: one signed-in session (the cookie the
 * server sets) and its CSRF token. What a journey checks happens in the browser, not here.
 */
export class ApiClient {
  private cookie = '';
  private csrf = '';

  constructor(private readonly baseUrl: string) {}

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': 'zh-CN' };
    if (this.cookie) headers.Cookie = this.cookie;
    if (method !== 'GET' && this.csrf) headers['X-CSRF-Token'] = this.csrf;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length > 0) this.cookie = cookies.map((cookie) => cookie.split(';')[0]).join('; ');
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async signIn(username: string, password: string, totp?: string): Promise<void> {
    const state = await this.call<SessionState>('POST', '/auth/login', { username, password, totp });
    this.csrf = state.csrfToken;
  }

  /** The session's CSRF token can change with a sign-in step; read it again. */
  async refresh(): Promise<void> {
    this.csrf = (await this.call<SessionState>('GET', '/auth/me')).csrfToken;
  }

  /** The forced first-login walk: own password, then TOTP enrolment. Returns the TOTP secret. */
  async completeFirstLogin(current: string, next: string): Promise<string> {
    await this.call('POST', '/auth/password', { current, next });
    await this.refresh();
    const { secret } = await this.call<{ secret: string }>('POST', '/auth/totp/setup');
    const { code } = await freshTotpCode(secret);
    await this.call('POST', '/auth/totp/confirm', { code });
    await this.refresh();
    return secret;
  }
}

export interface NewUser {
  username: string;
  displayName: string;
  roles: string[];
  scope: { kind: 'city' } | { kind: 'county'; counties: string[] };
  organisation?: string;
}

/** Creates a user as the given administrator; returns the one-time password. */
export async function createUser(admin: ApiClient, user: NewUser): Promise<string> {
  const created = await admin.call<{ initialPassword: string }>('POST', '/users', user);
  return created.initialPassword;
}

/** The bootstrap administrator, signed in through the API and past the forced first login. */
export async function signInAdmin(
  baseUrl: string,
  bootstrapPassword: string,
  password: string,
): Promise<ApiClient> {
  const admin = new ApiClient(baseUrl);
  await admin.signIn('admin', bootstrapPassword);
  await admin.completeFirstLogin(bootstrapPassword, password);
  return admin;
}

/** A new account made by the administrator, signed in through the API and past its first login. */
export async function signedInUser(
  admin: ApiClient,
  baseUrl: string,
  user: NewUser & { password: string },
): Promise<ApiClient> {
  const { password, ...account } = user;
  const initial = await createUser(admin, account);
  const client = new ApiClient(baseUrl);
  await client.signIn(user.username, initial);
  await client.completeFirstLogin(initial, password);
  return client;
}
