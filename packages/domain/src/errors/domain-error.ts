import { errorCatalogue, type ErrorCode } from './error-catalogue.ts';

/** A field-level problem, keyed by the dotted path of the field in the request. */
export interface FieldProblem {
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

/**
 * The one error type of the platform's rules. It carries a stable code; the HTTP layer maps the
 * code to a status and to a message in the caller's language.
 */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly fields: readonly FieldProblem[] | undefined;
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(
    code: ErrorCode,
    options: { fields?: readonly FieldProblem[]; details?: Record<string, unknown> } = {},
  ) {
    super(code);
    this.name = 'DomainError';
    this.code = code;
    this.fields = options.fields;
    this.details = options.details;
  }

  get status(): number {
    return errorCatalogue[this.code].status;
  }
}

export type Language = 'zh-CN' | 'en';

export function errorMessage(code: ErrorCode, language: Language): string {
  const definition = errorCatalogue[code];
  return language === 'en' ? definition.en : definition.zh;
}
