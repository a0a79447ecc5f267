import { describe, expect, it } from 'vitest';
import { errorCatalogue } from './error-catalogue.ts';
import * as catalogues from './catalogues/index.ts';
import { DomainError, errorMessage } from './domain-error.ts';

describe('error catalogue', () => {
  it('gives every code a 4xx/5xx status and a message in both languages', () => {
    for (const [code, definition] of Object.entries(errorCatalogue)) {
      expect(code).toMatch(/^[a-z_]+\.[a-z_]+$/);
      expect(definition.status >= 400 && definition.status < 600, code).toBe(true);
      expect(definition.zh, code).toMatch(/[\u4e00-\u9fff]/);
      expect(definition.en, code).toMatch(/^[A-Z]/);
    }
  });

  it('never defines one code in two areas', () => {
    const perArea = Object.values(catalogues).flatMap((area) => Object.keys(area));
    expect(new Set(perArea).size).toBe(perArea.length);
    expect(Object.keys(errorCatalogue).length).toBe(perArea.length);
  });

  it('carries the code and its status', () => {
    const error = new DomainError('user.not_found');
    expect(error.status).toBe(404);
    expect(errorMessage('user.not_found', 'zh-CN')).toBe('用户不存在');
    expect(errorMessage('user.not_found', 'en')).toBe('No such user');
  });
});
