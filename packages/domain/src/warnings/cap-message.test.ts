import { describe, expect, it } from 'vitest';
import { buildCapXml, capIdentifier, capTime, type CapMessageInput } from './cap-message.ts';
import { defaultLevelMapping, findWarningEventType } from './warning-catalogue.ts';

const sent = new Date('2026-11-29T02:30:00.123Z');
const capSample = (over: Partial<CapMessageInput> = {}): CapMessageInput => ({
  identifier: capIdentifier('53040000000000', sent, 0),
  sender: '53040000000000',
  sent,
  status: 'Actual',
  msgType: 'Alert',
  references: [],
  eventType: findWarningEventType('hazchem_leak')!,
  level: defaultLevelMapping.orange,
  onset: new Date('2026-11-29T02:30:00Z'),
  expires: new Date('2026-11-29T14:30:00Z'),
  audience: '江川区企业及周边群众',
  senderName: { zh: '玉溪市应急管理局', en: 'Yuxi Emergency Management Bureau' },
  contact: '0877-2023110',
  web: null,
  area: { counties: ['530403'], townships: [], polygon: null, circle: null },
  info: {
    zh: {
      headline: '江川区危化品泄漏橙色预警',
      description: '液氯储罐泄漏 <测试> & 处置中',
      instruction: '关闭门窗',
    },
    en: null,
  },
  ...over,
});

const tags = (xml: string) => [...xml.matchAll(/^\s*<([A-Za-z]+)[ >]/gm)].map((m) => m[1]);

describe('CAP 1.2 message', () => {
  it('names a message by GB/T 35965.1: sender code, Beijing entry time, sequence', () => {
    expect(capIdentifier('53040000000000', sent, 0)).toBe('53040000000000_20261129103000_0');
    expect(capIdentifier('53040000000000', sent, 0)).toHaveLength(31);
    expect(() => capIdentifier('530400', sent, 0)).toThrow();
  });

  it('writes times in China time with +08:00 and no fraction', () => {
    expect(capTime(sent)).toBe('2026-11-29T10:30:00+08:00');
  });

  it('writes the elements in the XSD sequence, the colour as a parameter and the county as a geocode', () => {
    const xml = buildCapXml(capSample());
    expect(tags(xml)).toEqual([
      'alert',
      'identifier',
      'sender',
      'sent',
      'status',
      'msgType',
      'scope',
      'info',
      'language',
      'category',
      'event',
      'responseType',
      'urgency',
      'severity',
      'certainty',
      'audience',
      'effective',
      'onset',
      'expires',
      'senderName',
      'headline',
      'description',
      'instruction',
      'contact',
      'parameter',
      'valueName',
      'value',
      'area',
      'areaDesc',
      'geocode',
      'valueName',
      'value',
    ]);
    expect(xml).toContain('<severity>Severe</severity>');
    expect(xml).toContain('<urgency>Expected</urgency>');
    expect(xml).toContain('<language>zh-CN</language>');
    expect(xml).toContain('<value>橙色</value>');
    expect(xml).toContain('<areaDesc>江川区</areaDesc>');
    expect(xml).toContain('<valueName>GB/T 2260</valueName>\n        <value>530403</value>');
    expect(xml).toContain('液氯储罐泄漏 &lt;测试&gt; &amp; 处置中');
    expect(xml).not.toMatch(/\d\dZ</);
  });

  it('references every earlier message in an Update and a Cancel, and refuses one without', () => {
    const first = {
      sender: '53040000000000',
      identifier: '53040000000000_20261129100000_0',
      sent: new Date('2026-11-29T02:00:00Z'),
    };
    const xml = buildCapXml(capSample({ msgType: 'Cancel', references: [first] }));
    expect(xml).toContain(
      '<references>53040000000000,53040000000000_20261129100000_0,2026-11-29T10:00:00+08:00</references>',
    );
    expect(xml).toContain('<responseType>AllClear</responseType>');
    expect(() => buildCapXml(capSample({ msgType: 'Update' }))).toThrow();
  });

  it('writes one info block per language and closes a drawn polygon lat-first', () => {
    const xml = buildCapXml(
      capSample({
        info: {
          zh: capSample().info.zh,
          en: { headline: 'Orange warning', description: 'Chlorine leak', instruction: '' },
        },
        area: {
          counties: [],
          townships: [],
          polygon: [
            { lat: 24.2, lon: 102.7 },
            { lat: 24.2, lon: 102.8 },
            { lat: 24.3, lon: 102.8 },
          ],
          circle: { center: { lat: 24.29, lon: 102.75 }, radiusKm: 2.5 },
        },
      }),
    );
    expect(xml.match(/<info>/g)).toHaveLength(2);
    expect(xml).toContain('<language>en-US</language>');
    expect(xml).toContain('<polygon>24.2,102.7 24.2,102.8 24.3,102.8 24.2,102.7</polygon>');
    expect(xml).toContain('<circle>24.29,102.75 2.5</circle>');
    expect(xml).toContain('<areaDesc>Designated area</areaDesc>');
  });
});
