import sharp from 'sharp';
import { createAttachmentStore } from '../uploads/index.ts';
import { systemUserId } from '../users/system-author.ts';
import { buildCapXml, capIdentifier, defaultLevelMapping, findWarningEventType } from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import type { Config } from '../../platform/config.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import type { Db } from '../../platform/db.ts';
import { createMemoryEventBus } from '../../platform/events/index.ts';
import { createNotificationsModule } from '../notifications/index.ts';
import { createWarningsModule, noWarningSources } from '../warnings/index.ts';
import { loadDemoWarningTemplates } from './demo-warning-templates.ts';

const DEMO_KEY = 'demo.warnings';
const DAY = 86_400_000;

/** Two demo officers: the two-person rule holds for demo data too. */
const author = {
  id: '00000000-0000-4000-8000-0000000d0a01',
  name: '演示值班员',
  scope: { kind: 'city' as const },
  canWrite: true,
  canApprove: false,
};
const approver = {
  id: '00000000-0000-4000-8000-0000000d0a02',
  name: '演示审核人',
  scope: { kind: 'city' as const },
  canWrite: true,
  canApprove: true,
};

/** Three zones around a source with the wind from the south-west: drawn, not photographed, and free of text. */
async function zoneSketchPng(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="360">
    <rect width="480" height="360" fill="#f4f6f8"/>
    <circle cx="240" cy="180" r="150" fill="#fde68a" fill-opacity="0.6" stroke="#ca8a04"/>
    <circle cx="240" cy="180" r="95" fill="#fdba74" fill-opacity="0.7" stroke="#ea580c"/>
    <circle cx="240" cy="180" r="45" fill="#f87171" fill-opacity="0.8" stroke="#b91c1c"/>
    <circle cx="240" cy="180" r="6" fill="#111827"/>
    <path d="M60 320 L130 250 M130 250 L104 254 M130 250 L126 276" stroke="#1d4ed8" stroke-width="5" fill="none"/>
  </svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/**
 * Demo public warnings (演示) in different states: one published for 江川区, one awaiting approval,
 * one rejected with a comment, one draft drawn as a polygon, and one forwarded from a gale warning
 * received from the meteorological observatory (awaiting approval). Loaded once, through the warnings
 * module's own service, so the published one has its archived CAP version and queued deliveries.
 */
export async function loadDemoWarnings(deps: { db: Db; clock: Clock; config: Config; cipher: FieldCipher }) {
  const { db, clock, config } = deps;
  const events = createMemoryEventBus({ log: () => undefined });
  const module = createWarningsModule({
    db,
    clock,
    config,
    events,
    notifier: createNotificationsModule({ db, clock }).notifier,
    cipher: deps.cipher,
    sources: noWarningSources,
    log: () => undefined,
    attachmentFiles: createAttachmentStore(db, config.uploads.maxPixels),
  });
  await loadDemoWarningTemplates(db, module.templates);
  const done = await db.query('SELECT 1 FROM settings WHERE key = $1', [DEMO_KEY]);
  if (done.rowCount) return false;
  const warnings = module.warnings;
  const now = clock.now();
  const at = (days: number) => new Date(now.getTime() + days * DAY).toISOString();
  const base = { onset: at(0), expires: at(30), contact: '0877-2023110（演示）', audience: '' };

  const published = await warnings.create(
    author,
    {
      ...base,
      eventType: 'hazchem_leak',
      level: 'orange',
      audience: '江川区企业及周边群众',
      area: { counties: ['530403'], townships: [], polygon: null, circle: null },
      info: {
        zh: {
          headline: '【演示】江川区危险化学品泄漏橙色预警',
          description: '演示数据：江川区某化工企业液氯储罐发生泄漏，影响半径约800米。',
          instruction: '下风向人员关闭门窗，按指引向上风向撤离；企业立即启动应急预案。',
        },
        en: {
          headline: '[Demo] Orange warning: chemical leak in Jiangchuan',
          description:
            'Demo data: a chlorine tank leak at a chemical plant in Jiangchuan, about 800 m affected.',
          instruction: 'Downwind residents close windows and move upwind as instructed.',
        },
      },
    },
    true,
  );
  // Released with the warning as a CAP <resource>: a sketch of the zones around the leaking tank.
  // The file's uploader must be an account: the system author stands in for the demo officer.
  await warnings.addAttachment({ ...author, id: await systemUserId(db) }, published.id, {
    data: await zoneSketchPng(),
    contentType: 'image/png',
    description: { zh: '【演示】泄漏影响范围示意图', en: '[Demo] Sketch of the affected zones' },
  });
  await warnings.step(author, published.id, 'submit', '');
  await warnings.step(approver, published.id, 'approve', '同意发布（演示）');
  await warnings.step(approver, published.id, 'publish', '');

  const submitted = await warnings.create(
    author,
    {
      ...base,
      eventType: 'forest_fire',
      level: 'yellow',
      area: { counties: ['530427'], townships: [], polygon: null, circle: null },
      info: {
        zh: {
          headline: '【演示】新平县森林火险黄色预警',
          description: '演示数据：未来三天新平县森林火险气象等级较高。',
          instruction: '严禁野外用火。',
        },
        en: null,
      },
    },
    true,
  );
  await warnings.step(author, submitted.id, 'submit', '');

  const rejected = await warnings.create(
    author,
    {
      ...base,
      eventType: 'rainstorm',
      level: 'blue',
      area: { counties: ['530481'], townships: [], polygon: null, circle: null },
      info: {
        zh: {
          headline: '【演示】澄江市暴雨蓝色预警',
          description: '演示数据：预计澄江市有暴雨。',
          instruction: '',
        },
        en: null,
      },
    },
    true,
  );
  await warnings.step(author, rejected.id, 'submit', '');
  await warnings.step(approver, rejected.id, 'reject', '请补充防范指引（演示）');

  await warnings.create(
    author,
    {
      ...base,
      eventType: 'geohazard',
      level: 'blue',
      area: {
        counties: [],
        townships: ['530428101'],
        polygon: [
          { lat: 23.62, lon: 101.98 },
          { lat: 23.62, lon: 102.03 },
          { lat: 23.58, lon: 102.03 },
          { lat: 23.58, lon: 101.98 },
        ],
        circle: null,
      },
      info: {
        zh: {
          headline: '【演示】元江县地质灾害风险蓝色预警（草稿）',
          description: '演示数据：曼来镇部分区域滑坡风险较高。',
          instruction: '危险区人员及时转移。',
        },
        en: null,
      },
    },
    true,
  );
  // A gale warning received from the meteorological observatory, forwarded to 华宁县's enterprises.
  const metSender = '53040041600000';
  const received = await module.imports.importCap(
    Buffer.from(
      buildCapXml({
        identifier: capIdentifier(metSender, now, 0),
        sender: metSender,
        sent: now,
        status: 'Actual',
        msgType: 'Alert',
        references: [],
        eventType: findWarningEventType('gale')!,
        level: defaultLevelMapping.yellow,
        onset: now,
        expires: new Date(now.getTime() + 2 * DAY),
        audience: '华宁县各乡镇',
        senderName: { zh: '玉溪市气象台（演示）', en: 'Yuxi Meteorological Observatory (demo)' },
        contact: '0877-12121（演示）',
        web: null,
        area: { counties: ['530424'], townships: [], polygon: null, circle: null },
        info: {
          zh: {
            headline: '【演示】玉溪市气象台发布大风黄色预警',
            description: '演示数据：未来24小时华宁县将出现7级以上大风，阵风9级。',
            instruction: '停止高空和户外作业，加固临时设施，危化品企业做好防风措施。',
          },
          en: null,
        },
      }),
    ),
    '演示值班员',
  );
  const forward = await module.sources.fromImport(author, received.item.id);
  const forwarded = await warnings.create(
    author,
    { ...forward.draft, contact: base.contact, source: { kind: 'import', id: received.item.id } },
    true,
  );
  await warnings.step(author, forwarded.id, 'submit', '转发气象台大风预警（演示）');

  await db.query('INSERT INTO settings (key, value) VALUES ($1, $2)', [
    DEMO_KEY,
    JSON.stringify({ loadedAt: now.toISOString() }),
  ]);
  return true;
}
