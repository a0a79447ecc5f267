import { chinaDateTime, defaultLevelMapping, xmlText, type PublicWarning } from '@anjian/domain';

const colours = { red: '#d81e06', orange: '#f08c00', yellow: '#c9a200', blue: '#1e32cd' } as const;

const words = {
  zh: { title: '预警信息', none: '当前无生效预警', until: '至', more: '查看全部', lang: 'zh-CN' },
  en: {
    title: 'Warnings in force',
    none: 'No warning in force',
    until: 'until',
    more: 'All warnings',
    lang: 'en',
  },
} as const;

/**
 * The embeddable widget: a small self-contained HTML page (no script, inline style) for other
 * sites to show in an iframe — the active warnings, each with its colour, headline and times, and a
 * link to the public page. Texts are escaped; English blocks are used when asked and present.
 */
export function buildWarningsWidget(
  items: readonly PublicWarning[],
  options: { baseUrl: string; senderName: { zh: string; en: string }; lang: 'zh' | 'en' },
): string {
  const w = words[options.lang];
  const rows = items.map((item) => {
    const info = options.lang === 'en' && item.info.en ? item.info.en : item.info.zh;
    const level = defaultLevelMapping[item.level];
    return [
      `<li style="border-left:6px solid ${colours[item.level]}">`,
      `<b>${xmlText(options.lang === 'en' ? level.en : level.zh)}</b> `,
      `<a href="${xmlText(options.baseUrl)}/public/warnings" target="_blank" rel="noopener">${xmlText(info.headline)}</a>`,
      `<small>${chinaDateTime(new Date(item.onset))} ${w.until} ${chinaDateTime(new Date(item.expires))}</small>`,
      '</li>',
    ].join('');
  });
  return [
    '<!doctype html>',
    `<html lang="${w.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">`,
    `<title>${xmlText(options.senderName[options.lang])} ${w.title}</title>`,
    '<style>body{margin:0;font:14px/1.5 sans-serif}ul{list-style:none;margin:0;padding:0}',
    'li{padding:6px 8px;margin:4px 0;background:#fafafa}small{display:block;color:#666}</style></head><body>',
    `<h1 style="font-size:16px;margin:4px 8px">${xmlText(options.senderName[options.lang])} ${w.title}</h1>`,
    rows.length > 0 ? `<ul>${rows.join('')}</ul>` : `<p style="margin:8px">${w.none}</p>`,
    `<p style="margin:8px"><a href="${xmlText(options.baseUrl)}/public/warnings" target="_blank" rel="noopener">${w.more}</a></p>`,
    '</body></html>',
    '',
  ].join('\n');
}
