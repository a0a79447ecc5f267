import type { ErrorCode } from './error-catalogue.ts';

/** Values for the `{name}` placeholders of a catalogue message. */
export type IssueValues = Readonly<Record<string, string | number | null>>;

/**
 * The parameters of a zod custom issue that carries an error-catalogue code: the HTTP layer reports
 * the field with that code and the catalogue message in the caller's language, its `{name}`
 * placeholders filled from `values`. Use it for every custom check of a request schema, so that no
 * English text reaches a Chinese screen.
 */
export function codedIssue(code: ErrorCode, values: IssueValues = {}) {
  return { message: code, params: { ...values, code } };
}

/** Fills `{name}` placeholders of a catalogue message. */
export function fillMessage(message: string, values: Readonly<Record<string, unknown>>): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : whole;
  });
}
