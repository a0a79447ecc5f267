import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  captchaResponseSchema,
  DomainError,
  loginRequestSchema,
  passwordChangeRequestSchema,
  sessionStateSchema,
  sessionSummarySchema,
  totpConfirmRequestSchema,
  totpSetupResponseSchema,
} from '@anjian/domain';
import { requireAuth, SESSION_COOKIE } from '../../platform/access.ts';
import type { Config } from '../../platform/config.ts';
import type { AuthService } from './auth.service.ts';
import type { ClientInfo, LoginGuard } from './login-guard.ts';

const ok = z.object({ ok: z.literal(true) });

const clientOf = (request: FastifyRequest): ClientInfo => ({
  ip: request.ip,
  userAgent: String(request.headers['user-agent'] ?? ''),
});

/** A throttled sign-in says when to come back (RFC 9110 §10.2.3). */
async function withRetryAfter<T>(reply: FastifyReply, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const seconds = error instanceof DomainError ? error.details?.retryAfterSeconds : undefined;
    if (typeof seconds === 'number') reply.header('retry-after', String(seconds));
    if (error instanceof DomainError && error.code === 'auth.busy') reply.header('retry-after', '1');
    throw error;
  }
}

export function sessionCookieName(config: Config): string {
  // The __Host- prefix pins the cookie to this host and path / (ASVS 3.3.3); it needs Secure.
  return config.session.cookieSecure ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE;
}

export function registerAuthRoutes(
  app: FastifyInstance,
  { auth, guard, config }: { auth: AuthService; guard: LoginGuard; config: Config },
) {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const cookieName = sessionCookieName(config);
  const clearCookie = (reply: FastifyReply) => reply.clearCookie(cookieName, { path: '/' });

  api.post(
    '/api/v1/auth/login',
    {
      config: { access: 'public', audit: 'auth.login' },
      schema: {
        tags: ['auth'],
        summary:
          'Sign in with username, password, (when enrolled) a TOTP code and (when asked: auth.captcha_required) a captcha',
        body: loginRequestSchema,
        response: { 200: sessionStateSchema },
      },
    },
    async (request, reply) => {
      request.auditActorName = request.body.username;
      const { token, state } = await withRetryAfter(reply, () => auth.login(request.body, clientOf(request)));
      request.auditTarget = state.user.id;
      reply.setCookie(cookieName, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: config.session.cookieSecure,
        maxAge: config.session.absoluteHours * 3600,
      });
      return state;
    },
  );

  api.post(
    '/api/v1/auth/captcha',
    {
      config: { access: 'public', audit: 'auth.captcha' },
      schema: {
        tags: ['auth'],
        summary: 'A new single-use captcha for the sign-in form (asked for after failed sign-ins)',
        response: { 200: captchaResponseSchema },
      },
    },
    async () => guard.newCaptcha(),
  );

  api.get(
    '/api/v1/auth/password-policy',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'The password rules in force, so that forms can explain them',
        response: {
          200: z.object({
            minLength: z.number().int(),
            maxLength: z.number().int(),
            minClasses: z.number().int().describe('Of upper case, lower case, digits, symbols'),
            maxAgeDays: z.number().int().describe('0 = no rotation'),
            historySize: z.number().int().describe('A new password may not be one of the last N'),
          }),
        },
      },
    },
    async () => ({ ...config.passwordPolicy }),
  );

  api.post(
    '/api/v1/auth/logout',
    {
      config: { access: 'authenticated', allowRestricted: true, audit: 'auth.logout' },
      schema: { tags: ['auth'], summary: 'End this session', response: { 200: ok } },
    },
    async (request, reply) => {
      await auth.logout(requireAuth(request));
      clearCookie(reply);
      return { ok: true as const };
    },
  );

  api.get(
    '/api/v1/auth/me',
    {
      config: { access: 'authenticated', allowRestricted: true },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, permissions and pending steps',
        response: { 200: sessionStateSchema },
      },
    },
    async (request) => auth.state(requireAuth(request)),
  );

  api.post(
    '/api/v1/auth/password',
    {
      config: { access: 'authenticated', allowRestricted: true, audit: 'auth.password_change' },
      schema: {
        tags: ['auth'],
        summary: 'Change the own password; other sessions of the user end',
        body: passwordChangeRequestSchema,
        response: { 200: ok },
      },
    },
    async (request) => {
      await auth.changePassword(requireAuth(request), request.body, clientOf(request));
      return { ok: true as const };
    },
  );

  api.post(
    '/api/v1/auth/totp/setup',
    {
      config: { access: 'authenticated', allowRestricted: true, audit: 'auth.totp_setup' },
      schema: {
        tags: ['auth'],
        summary: 'Start TOTP enrolment: a new secret and its QR code',
        response: { 200: totpSetupResponseSchema },
      },
    },
    async (request) => {
      const caller = requireAuth(request);
      // Enrolment comes after the first password change.
      if (caller.mustChangePassword) throw new DomainError('auth.password_change_required');
      return auth.startTotp(caller);
    },
  );

  api.post(
    '/api/v1/auth/totp/confirm',
    {
      config: { access: 'authenticated', allowRestricted: true, audit: 'auth.totp_confirm' },
      schema: {
        tags: ['auth'],
        summary: 'Finish TOTP enrolment with a code from the app',
        body: totpConfirmRequestSchema,
        response: { 200: ok },
      },
    },
    async (request) => {
      await auth.confirmTotp(requireAuth(request), request.body.code);
      return { ok: true as const };
    },
  );

  api.get(
    '/api/v1/auth/sessions',
    {
      config: { access: 'authenticated', allowRestricted: true },
      schema: {
        tags: ['auth'],
        summary: 'My active sessions',
        response: { 200: z.object({ items: z.array(sessionSummarySchema) }) },
      },
    },
    async (request) => ({ items: await auth.listSessions(requireAuth(request)) }),
  );

  api.delete(
    '/api/v1/auth/sessions/:id',
    {
      config: { access: 'authenticated', allowRestricted: true, audit: 'auth.session_end' },
      schema: {
        tags: ['auth'],
        summary: 'End one of my sessions',
        params: z.object({ id: z.uuid() }),
        response: { 200: ok },
      },
    },
    async (request) => {
      await auth.endOwnSession(requireAuth(request), request.params.id);
      return { ok: true as const };
    },
  );
}
