import { describe, expect, it } from 'vitest';
import { errorCatalogue } from '../errors/error-catalogue.ts';
import { DomainError } from '../errors/domain-error.ts';
import { EnforcementError, enforcementErrorCodes } from './enforcement.errors.ts';

describe('enforcement error codes', () => {
  it.each(enforcementErrorCodes)('%s is in the catalogue with a 4xx status and both messages', (code) => {
    const definition = errorCatalogue[code];
    expect([400, 403, 404, 409]).toContain(definition.status);
    expect(definition.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(definition.en.length).toBeGreaterThan(1);
    expect(code).toMatch(/^(enforcement|credit)\.[a-z_]+$/);
  });

  it('carries code, details, fields and status like DomainError', () => {
    const error = new EnforcementError('enforcement.case_hearing_request_late', { dueDate: '2026-03-23' }, [
      { path: 'x', code: 'enforcement.case_hearing_request_late', message: 'late' },
    ]);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      name: 'EnforcementError',
      message: 'enforcement.case_hearing_request_late',
      code: 'enforcement.case_hearing_request_late',
      details: { dueDate: '2026-03-23' },
      status: 409,
    });
    expect(error.fields).toHaveLength(1);
  });
});
