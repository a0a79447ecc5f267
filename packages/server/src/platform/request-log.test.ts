import { describe, expect, it } from 'vitest';
import { requestLogFields } from './request-log.ts';

describe('requestLogFields', () => {
  it('keeps no address, query or path detail of a reporter’s request', () => {
    for (const url of [
      '/api/v1/public/whistleblowing/reports',
      '/api/v1/public/whistleblowing/lookup?code=ABCD-EFGH-JKLM',
      '/api/v1/public/whistleblowing',
    ])
      expect(requestLogFields({ method: 'POST', url, ip: '203.0.113.7' })).toEqual({
        method: 'POST',
        url: '/api/v1/public/whistleblowing/…',
      });
  });

  it('keeps method, url and address of every other request', () => {
    expect(requestLogFields({ method: 'GET', url: '/api/v1/hazards?page=2', ip: '10.0.0.5' })).toEqual({
      method: 'GET',
      url: '/api/v1/hazards?page=2',
      remoteAddress: '10.0.0.5',
    });
    expect(
      requestLogFields({ method: 'GET', url: '/api/v1/public/whistleblowingx', ip: '10.0.0.5' }),
    ).toMatchObject({ remoteAddress: '10.0.0.5' });
  });
});
