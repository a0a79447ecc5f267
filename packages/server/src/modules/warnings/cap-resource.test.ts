import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildCapXml, capIdentifier, defaultLevelMapping, findWarningEventType } from '@anjian/domain';
import { validateCap } from './cap-schema.ts';

const sent = new Date('2026-11-29T02:00:00Z');
const png = Buffer.from('89504e470d0a1a0a', 'hex');

describe('CAP <resource> attachments', () => {
  const xml = buildCapXml({
    identifier: capIdentifier('53040041600000', sent, 0),
    sender: '53040041600000',
    sent,
    status: 'Actual',
    msgType: 'Alert',
    references: [],
    eventType: findWarningEventType('hazchem_leak')!,
    level: defaultLevelMapping.orange,
    onset: sent,
    expires: new Date('2026-11-29T14:00:00Z'),
    audience: '',
    senderName: { zh: '玉溪市应急管理局', en: 'Yuxi Emergency Management Bureau' },
    contact: '0877-2023110',
    web: null,
    area: { counties: ['530403'], townships: [], polygon: null, circle: null },
    info: {
      zh: { headline: '危化品泄漏橙色预警', description: '液氯泄漏。', instruction: '' },
      en: { headline: 'Chemical leak', description: 'Chlorine leak.', instruction: '' },
    },
    resources: [
      {
        description: { zh: '泄漏区域示意图', en: 'Map of the leak area' },
        mimeType: 'image/png',
        size: png.length,
        uri: 'https://anjian.example.gov.cn/api/v1/public/warnings/resources/a.png',
        digest: createHash('sha1').update(png).digest('hex'),
      },
      {
        description: { zh: '疏散指引 & 路线', en: 'Evacuation guide' },
        mimeType: 'application/pdf',
        size: 10240,
        uri: 'https://anjian.example.gov.cn/api/v1/public/warnings/resources/b.pdf',
        digest: 'da39a3ee5e6b4b0d3255bfef95601890afd80709',
      },
    ],
  });

  it('writes each resource in every <info>, after <parameter> and before <area>, valid against the OASIS XSD', async () => {
    expect(await validateCap(xml)).toEqual({ valid: true, errors: [] });
    const infos = xml.split('<info>').slice(1);
    expect(infos).toHaveLength(2);
    for (const info of infos) {
      expect(info.match(/<resource>/g)).toHaveLength(2);
      expect(info.indexOf('</parameter>')).toBeLessThan(info.indexOf('<resource>'));
      expect(info.lastIndexOf('</resource>')).toBeLessThan(info.indexOf('<area>'));
    }
    expect(xml).toContain(
      `<resource>\n      <resourceDesc>泄漏区域示意图</resourceDesc>\n      <mimeType>image/png</mimeType>\n      <size>8</size>\n      <uri>https://anjian.example.gov.cn/api/v1/public/warnings/resources/a.png</uri>\n      <digest>${createHash('sha1').update(png).digest('hex')}</digest>\n    </resource>`,
    );
    expect(xml).toContain('<resourceDesc>疏散指引 &amp; 路线</resourceDesc>');
    expect(xml).toContain('<resourceDesc>Map of the leak area</resourceDesc>');
  });
});
