import type { WarningTemplateInput } from '@anjian/domain';
import type { Db } from '../../platform/db.ts';
import type { WarningTemplatesService } from '../warnings/index.ts';

const TEMPLATES_KEY = 'demo.warning_templates';

/** Demo templates (演示), one per common work-safety event, with the placeholders filled at use. */
export const demoWarningTemplates: readonly WarningTemplateInput[] = [
  {
    name: '【演示】危化品泄漏（橙色）',
    eventType: 'hazchem_leak',
    level: 'orange',
    hours: 6,
    audience: '{县区}{地点}周边企业、学校、医院及群众',
    info: {
      zh: {
        headline: '{县区}{物质}泄漏橙色预警',
        description: '{时间}，{企业}发生{物质}泄漏，影响范围约{范围}。',
        instruction:
          '下风向人员立即关闭门窗，按指引向上风向撤离；周边企业停止动火作业。咨询电话：{联系电话}。',
      },
      en: {
        headline: '{物质} leak: orange warning',
        description: 'At {时间}, a {物质} leak at {企业}; about {范围} affected.',
        instruction: 'Downwind, close windows and move upwind as instructed. Enquiries: {联系电话}.',
      },
    },
  },
  {
    name: '【演示】尾矿库险情（红色）',
    eventType: 'tailings_dam',
    level: 'red',
    hours: 24,
    audience: '{地点}下游村组及企业',
    info: {
      zh: {
        headline: '{县区}{地点}尾矿库险情红色预警',
        description: '{时间}，{企业}尾矿库出现险情，下游{范围}内存在溃坝风险。',
        instruction: '下游人员立即向高处转移，严禁靠近坝体及泄洪通道。',
      },
      en: null,
    },
  },
  {
    name: '【演示】燃气泄漏（黄色）',
    eventType: 'gas',
    level: 'yellow',
    hours: 4,
    audience: '{地点}周边居民及商户',
    info: {
      zh: {
        headline: '{县区}{地点}燃气泄漏黄色预警',
        description: '{时间}，{地点}发生燃气泄漏，正在抢修，影响范围约{范围}。',
        instruction: '严禁明火及开关电器，听从现场人员疏导。',
      },
      en: null,
    },
  },
];

/** Loads the demo templates once (their own key, so an existing demo install gains them too). */
export async function loadDemoWarningTemplates(db: Db, templates: WarningTemplatesService): Promise<boolean> {
  const done = await db.query('SELECT 1 FROM settings WHERE key = $1', [TEMPLATES_KEY]);
  if (done.rowCount) return false;
  for (const template of demoWarningTemplates) await templates.create(template, '演示', true);
  await db.query('INSERT INTO settings (key, value) VALUES ($1, $2)', [
    TEMPLATES_KEY,
    JSON.stringify({ loaded: true }),
  ]);
  return true;
}
