import { describe, expect, it } from 'vitest';
import { attachmentHeader, downloadFileNames } from './download.ts';

describe('office download names', () => {
  it('stamps both names with China time when asked', () => {
    expect(
      downloadFileNames(
        { asciiName: 'hazards', name: '隐患台账', stampedAt: new Date('2026-11-29T16:05:03Z') },
        'xlsx',
      ),
    ).toEqual({ ascii: 'hazards_20261130000503.xlsx', name: '隐患台账_20261130000503.xlsx' });
    expect(
      downloadFileNames({ asciiName: 'post-card', name: '司炉工岗位_岗位安全风险告知卡' }, 'docx'),
    ).toEqual({
      ascii: 'post-card.docx',
      name: '司炉工岗位_岗位安全风险告知卡.docx',
    });
  });

  it('gives an ASCII fallback and the UTF-8 name as RFC 5987 filename*', () => {
    expect(attachmentHeader('users_20261129100000.xlsx', '用户列表_20261129100000.xlsx')).toBe(
      'attachment; filename="users_20261129100000.xlsx"; filename*=UTF-8\'\'%E7%94%A8%E6%88%B7%E5%88%97%E8%A1%A8_20261129100000.xlsx',
    );
  });

  it("percent-encodes ' ( ) * in filename*, and keeps quotes and non-ASCII out of the fallback", () => {
    expect(attachmentHeader('a"b\\c.docx', "O'Neil (2026)*.docx")).toBe(
      'attachment; filename="a_b_c.docx"; filename*=UTF-8\'\'O%27Neil%20%282026%29%2A.docx',
    );
    expect(attachmentHeader('名单.xlsx', '名单.xlsx')).toBe(
      'attachment; filename="__.xlsx"; filename*=UTF-8\'\'%E5%90%8D%E5%8D%95.xlsx',
    );
  });
});
