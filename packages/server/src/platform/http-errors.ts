import type { FastifyError, FastifyReply, FastifyRequest, FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import {
  DomainError,
  errorCatalogue,
  errorMessage,
  fillMessage,
  type ErrorCode,
  type FieldProblem,
  type Language,
} from '@anjian/domain';
import { isDatabaseUnavailable } from './db.ts';

/** Retry-After when the database is away: a restart of PostgreSQL takes a few seconds. */
export const databaseRetryAfterSeconds = 5;

/** Validation of a request part against its zod schema, keeping zod's issues for the field list. */
export class RequestValidationError extends Error {
  readonly statusCode = 400;
  constructor(readonly issues: readonly z.core.$ZodIssue[]) {
    super('request validation failed');
  }
}

export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    // reportInput: a wrong type ("abc" for a number) reads 类型应为数字, not 必填 (the input is never sent back).
    const result = schema.safeParse(data, { reportInput: true });
    return result.success
      ? { value: result.data }
      : { error: new RequestValidationError(result.error.issues) };
  };

/** zh-CN unless the caller prefers English (Accept-Language: en…). */
export function requestLanguage(request: FastifyRequest): Language {
  const header = request.headers['accept-language'];
  if (typeof header !== 'string') return 'zh-CN';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'zh-CN';
}

const typeNames: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '是或否',
  object: '对象',
  array: '列表',
  tuple: '列表',
  record: '对象',
  date: '日期',
  bigint: '整数',
};

const formatNames: Record<string, string> = {
  datetime: '日期时间（ISO 8601，含时区）',
  date: '日期（YYYY-MM-DD）',
  time: '时间',
  uuid: '编号（UUID）',
  email: '电子邮箱',
  url: '网址',
};

/** The catalogue code a custom issue carries (see `codedIssue` in the domain), if any. */
function issueCode(issue: z.core.$ZodIssue): ErrorCode | null {
  if (issue.code !== 'custom') return null;
  const code = (issue.params as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && code in errorCatalogue ? (code as ErrorCode) : null;
}

/** A field's problem in the caller's language; never zod's English inside a Chinese answer. */
function issueMessage(issue: z.core.$ZodIssue, language: Language): string {
  const en = language === 'en';
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? en
          ? 'Required'
          : '必填'
        : en
          ? `Expected ${issue.expected}`
          : typeNames[issue.expected]
            ? `类型应为${typeNames[issue.expected]}`
            : '类型不正确';
    case 'too_small':
      return en
        ? `Too short or too small (minimum ${String(issue.minimum)})`
        : `长度或数值过小（最小 ${String(issue.minimum)}）`;
    case 'too_big':
      return en
        ? `Too long or too large (maximum ${String(issue.maximum)})`
        : `长度或数值过大（最大 ${String(issue.maximum)}）`;
    case 'unrecognized_keys':
      return en ? `Unknown field(s): ${issue.keys.join(', ')}` : `不允许的字段：${issue.keys.join('、')}`;
    case 'invalid_format': {
      if (en) return `Wrong format (${issue.format})`;
      const name = formatNames[issue.format];
      return name ? `格式不正确，应为${name}` : '格式不正确';
    }
    case 'invalid_value':
      return en ? 'Not one of the allowed values' : '不是允许的取值';
    case 'invalid_union':
      return en ? 'Does not match any allowed form' : '不符合任何允许的格式';
    default: {
      const code = issueCode(issue);
      if (code)
        return fillMessage(errorMessage(code, language), issue.code === 'custom' ? (issue.params ?? {}) : {});
      return en ? issue.message : '取值不正确';
    }
  }
}

export function fieldProblems(
  issues: readonly z.core.$ZodIssue[],
  language: Language,
  prefix = '',
): FieldProblem[] {
  return issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter((part) => part !== '').join('.'),
    code: issueCode(issue) ?? issue.code,
    message: issueMessage(issue, language),
  }));
}

function send(reply: FastifyReply, language: Language, code: ErrorCode, fields?: readonly FieldProblem[]) {
  const error: { code: ErrorCode; message: string; fields?: readonly FieldProblem[] } = {
    code,
    message: errorMessage(code, language),
  };
  if (fields && fields.length > 0) error.fields = fields;
  return reply.status(new DomainError(code).status).send({ error });
}

const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'request.unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'request.invalid',
  FST_ERR_CTP_BODY_TOO_LARGE: 'request.too_large',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'request.invalid_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'request.invalid_json',
  FST_ERR_BAD_URL: 'request.invalid',
  FST_ERR_ASYNC_CONSTRAINT: 'request.invalid',
};

/** The one error handler: coded errors to their status; anything unexpected is a logged 500. */
export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  const language = requestLanguage(request);
  if (error instanceof DomainError) {
    const fields = error.fields?.map((field) =>
      field.code in errorCatalogue
        ? { ...field, message: errorMessage(field.code as ErrorCode, language) }
        : field,
    );
    return send(reply, language, error.code, fields);
  }
  if (error instanceof RequestValidationError) {
    const context = (error as unknown as { validationContext?: string }).validationContext;
    const prefix = context === 'body' || !context ? '' : context;
    return send(reply, language, 'request.invalid', fieldProblems(error.issues, language, prefix));
  }
  const fastifyError = error as FastifyError;
  const mapped = fastifyError.code ? fastifyCodes[fastifyError.code] : undefined;
  if (mapped) return send(reply, language, mapped);
  if (error instanceof SyntaxError || fastifyError.statusCode === 400)
    return send(reply, language, 'request.invalid_json');
  if (fastifyError.statusCode === 429) return send(reply, language, 'request.rate_limited');
  // The static file server refuses directories (403) and misses files (404): nothing there.
  if (fastifyError.statusCode === 403 || fastifyError.statusCode === 404)
    return send(reply, language, 'route.not_found');
  if (fastifyError.statusCode === 413) return send(reply, language, 'request.too_large');
  if (fastifyError.statusCode === 415) return send(reply, language, 'request.unsupported_media_type');
  if (isDatabaseUnavailable(error)) {
    // The database is away (stopped, restarting, unreachable): the client may simply try again.
    request.log.warn({ err: error }, 'database unavailable');
    reply.header('retry-after', String(databaseRetryAfterSeconds));
    return send(reply, language, 'server.database_unavailable');
  }
  request.log.error({ err: error }, 'unhandled error');
  return send(reply, language, 'server.internal');
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What PostgreSQL cannot store in text or jsonb, if the string holds it. */
function unstorable(text: string): 'nul_character' | 'lone_surrogate' | null {
  if (text.includes('\u0000')) return 'nul_character';
  return LONE_SURROGATE.test(text) ? 'lone_surrogate' : null;
}

/**
 * The path (keys from the outside in) and problem of the first unstorable string in a parsed value.
 * Every request body goes through it: the path is only built for what is found, and objects are
 * walked without copying their entries (a telemetry batch is thousands of small objects).
 */
function findUnstorable(
  value: unknown,
  depth = 0,
): { keys: string[]; code: 'nul_character' | 'lone_surrogate' } | null {
  if (typeof value === 'string') {
    const code = unstorable(value);
    return code ? { keys: [], code } : null;
  }
  if (depth > 32 || value === null || typeof value !== 'object') return null;
  // A file's bytes are no text: walking a 5 MB upload as an object took seconds of the event loop.
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return null;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = findUnstorable(value[index], depth + 1);
      if (found !== null) {
        found.keys.push(String(index));
        return found;
      }
    }
    return null;
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const code = unstorable(key);
    if (code) return { keys: [], code };
    const found = findUnstorable((value as Record<string, unknown>)[key], depth + 1);
    if (found !== null) {
      found.keys.push(key);
      return found;
    }
  }
  return null;
}

const unstorableMessage = { nul_character: 'U+0000', lone_surrogate: 'U+D800–U+DFFF (lone surrogate)' };

/**
 * PostgreSQL text cannot hold U+0000, jsonb refuses a lone UTF-16 surrogate ("\ud800" in JSON), and
 * no field of ours needs either: refuse them at the edge, in body, query and path alike, before
 * they can reach a query as a 500.
 */
export function rejectNulCharacters(request: FastifyRequest): void {
  for (const [part, value] of [
    ['', request.body],
    ['querystring', request.query],
    ['params', request.params],
  ] as const) {
    const found = findUnstorable(value);
    if (found !== null) {
      const path = [part, ...found.keys.reverse()].filter(Boolean).join('.');
      throw new DomainError('request.invalid', {
        fields: [{ path, code: found.code, message: unstorableMessage[found.code] }],
      });
    }
  }
}

/**
 * A route that declares no body must not be sent one: what the client meant by it would be ignored
 * without a word. An empty object carries nothing and passes; files sent to upload routes are not
 * JSON and are not concerned.
 */
export function rejectUnexpectedBody(request: FastifyRequest): void {
  if (request.routeOptions.schema?.body !== undefined) return;
  const body = request.body as unknown;
  if (body === undefined || body === null) return;
  if (!String(request.headers['content-type'] ?? '').startsWith('application/json')) return;
  if (typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0) return;
  throw new DomainError('request.unexpected_body');
}
