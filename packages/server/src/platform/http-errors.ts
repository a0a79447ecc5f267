import type { FastifyError, FastifyReply, FastifyRequest, FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import {
  DomainError,
  errorCatalogue,
  errorMessage,
  type ErrorCode,
  type FieldProblem,
  type Language,
} from '@anjian/domain';

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
    const result = schema.safeParse(data);
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

// zod's names for types and formats, in words for the Chinese UI.
const typeNamesZh: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '是或否',
  array: '列表',
  object: '对象',
  date: '日期',
};
const formatNamesZh: Record<string, string> = {
  email: '电子邮件地址',
  uuid: '标识符',
  url: '网址',
  regex: '规定格式',
  datetime: '日期时间',
  date: '日期',
  time: '时间',
  ipv4: '网络地址',
  ipv6: '网络地址',
};

/**
 * A refinement's own message is English; one that carries `params.zh` is shown in Chinese, any
 * other stays a plain 取值不正确 in the Chinese UI rather than an English fragment.
 */
function customMessageZh(issue: z.core.$ZodIssue): string {
  const zh = (issue as { params?: { zh?: unknown } }).params?.zh;
  return typeof zh === 'string' && zh !== '' ? zh : '取值不正确';
}

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
          : `类型应为${typeNamesZh[issue.expected] ?? '规定类型'}`;
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
    case 'invalid_format':
      return en
        ? `Wrong format (${issue.format})`
        : `格式不正确（应为${formatNamesZh[issue.format] ?? '规定格式'}）`;
    case 'invalid_value':
      return en ? 'Not one of the allowed values' : '不是允许的取值';
    case 'invalid_union':
      return en ? 'Does not match any allowed form' : '不符合任何允许的格式';
    default:
      return en ? issue.message : customMessageZh(issue);
  }
}

export function fieldProblems(
  issues: readonly z.core.$ZodIssue[],
  language: Language,
  prefix = '',
): FieldProblem[] {
  return issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter((part) => part !== '').join('.'),
    code: issue.code,
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
  request.log.error({ err: error }, 'unhandled error');
  return send(reply, language, 'server.internal');
}

function findNul(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (depth > 32 || value === null || typeof value !== 'object') return null;
  for (const [key, inner] of Object.entries(value)) {
    const found = key.includes('\u0000') ? path : findNul(inner, path ? `${path}.${key}` : key, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/**
 * PostgreSQL text cannot hold U+0000, and no field of ours needs it: refuse it at the edge, in
 * body, query and path alike, before it can reach a query as a 500.
 */
export function rejectNulCharacters(request: FastifyRequest): void {
  for (const [part, value] of [
    ['', request.body],
    ['querystring', request.query],
    ['params', request.params],
  ] as const) {
    const path = findNul(value, part);
    if (path !== null) {
      throw new DomainError('request.invalid', {
        fields: [{ path, code: 'nul_character', message: 'U+0000' }],
      });
    }
  }
}
