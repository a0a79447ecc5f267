import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
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

const ok = z.object({ ok: z.literal(true) });

export function sessionCookieName(config: Config): string {
  // The __Host- prefix pins the cookie to this host and path / (ASVS 3.3.3); it needs Secure.
  return config.session.cookieSecure ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE;
}

export function registerAuthRoutes(
  app: FastifyInstance,
  { auth, config }: { auth: AuthService; config: Config },
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
        summary: 'Sign in with username, password and (when enrolled) a TOTP code',
        body: loginRequestSchema,
        response: { 200: sessionStateSchema },
      },
    },
    async (request, reply) => {
      request.auditActorName = request.body.username;
      const { token, state } = await auth.login(request.body, {
        ip: request.ip,
        userAgent: String(request.headers['user-agent'] ?? ''),
      });
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
      await auth.changePassword(requireAuth(request), request.body);
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
