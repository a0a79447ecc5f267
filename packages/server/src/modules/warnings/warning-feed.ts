import { capTime, defaultLevelMapping, xmlText, type PublicWarning } from '@anjian/domain';

/**
 * The Atom feed of active warnings in the form CAP aggregators read (Google Public Alerts, the WMO
 * register): one entry per warning, its id the CAP identifier and its link the CAP XML.
 */
export function buildWarningsAtom(
  items: readonly PublicWarning[],
  options: { baseUrl: string; senderName: string; updated: Date },
): string {
  const entries = items.map((item) => {
    const level = defaultLevelMapping[item.level];
    return [
      '  <entry>',
      `    <id>urn:cap:${xmlText(item.identifier)}</id>`,
      `    <title>${xmlText(item.info.zh.headline)}</title>`,
      `    <updated>${capTime(new Date(item.sent))}</updated>`,
      `    <author><name>${xmlText(options.senderName)}</name></author>`,
      `    <summary>${xmlText(`${level.zh}预警 ${item.info.zh.description}`)}</summary>`,
      `    <link rel="alternate" type="application/cap+xml" href="${xmlText(options.baseUrl + item.capUrl)}"/>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <id>${xmlText(options.baseUrl)}/api/v1/public/warnings/feed.atom</id>`,
    `  <title>${xmlText(options.senderName)} 预警信息</title>`,
    `  <updated>${capTime(options.updated)}</updated>`,
    `  <link rel="self" href="${xmlText(options.baseUrl)}/api/v1/public/warnings/feed.atom"/>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
