import type { HiddenHazardAction } from '@anjian/domain';
import type { DemoSite } from './demo-dual-prevention.ts';
import { dayFrom, type DemoHazard } from './demo-hazards.ts';

const DAY = 86_400_000;

/** Stands for the evidence upload, which insertDemoHazard makes and puts in its place. */
const EVIDENCE = 'evidence';

function plan(now: Date, deadlineInDays: number, major: boolean): HiddenHazardAction {
  return {
    action: 'submit_plan',
    plan: {
      responsiblePerson: '安全科长（演示）',
      deadline: dayFrom(now, deadlineInDays),
      ...(major
        ? {
            responsibleOrganisation: '企业隐患治理领导小组（演示）',
            measures: '停用相关设施，委托有资质单位设计整改并组织施工（演示）',
            funds: { amountYuan: '180000.00', source: '企业安全生产费用' },
            contingencyPlan: '治理期间设置警戒区，落实专人监护和应急处置措施（演示）',
            objectives: '按期消除重大事故隐患，经评估合格后申请销号（演示）',
          }
        : { measures: '按整改通知落实整改（演示）' }),
    },
  };
}

const submitted = (major: boolean): HiddenHazardAction => ({
  action: 'submit_rectification',
  description: '已按整改方案完成整改，附整改后照片（演示）',
  photos: [],
  documents: [],
  ...(major ? { evaluationReport: EVIDENCE } : {}),
});

const listed = (now: Date, documentNo: string, unit: string, deadlineInDays: number): HiddenHazardAction => ({
  action: 'list_supervision',
  documentNo,
  supervisingUnit: unit,
  notice: '请企业按治理方案限期完成整改，督办期间每周报送整改进展（演示）',
  deadline: dayFrom(now, deadlineInDays),
});

/**
 * Hazards in every state of the closed loop (演示): 一般 and 重大, each source, on time, due soon
 * and overdue, 挂牌督办 by the county and by the city with their reviews, refused and extended,
 * accepted, 销号 and dismissed — each made by the domain's own steps.
 */
export function demoHazards(sites: Map<string, DemoSite>, now: Date): DemoHazard[] {
  const at = (key: string) => {
    const site = sites.get(key);
    return site ? { enterpriseId: site.id, county: site.county, lonLat: site.lonLat } : null;
  };
  const cases: [string, Omit<DemoHazard, 'enterpriseId' | 'county' | 'lonLat'>][] = [
    [
      'xinxing',
      {
        source: 'self_check',
        location: '炼钢车间二号转炉平台',
        description: '转炉平台东侧防护栏杆缺失约 3 米，未设警示标志（演示）',
        category: '09',
        reported: [1, 'enterprise'],
        steps: [],
      },
    ],
    [
      'changshou',
      {
        // Not 'inspection': the enforcement e2e journey draws an enterprise of 江川区 and expects
        // its only inspection hazard to be the one its inspection opened.
        source: 'public_report',
        location: '危险品生产区 3 号工房',
        description: '群众举报：装药工房超员作业，现场 6 人（核定 2 人），工房内存药超量（演示）',
        // From a public report: 敏感, so only the bureau's officers see it (decision 0005).
        securityLabel: 'sensitive',
        category: '14',
        tickedCriteria: ['fw-02'],
        reported: [2, 'county'],
        deadlineInDays: 20,
        steps: [],
      },
    ],
    [
      'yukun',
      {
        source: 'self_check',
        location: '1号高炉出铁场',
        description: '出铁场冷却水管阀门锈蚀渗漏（演示）',
        category: '07',
        reported: [10, 'enterprise'],
        steps: [[9, 'enterprise', plan(now, 15, false)]],
      },
    ],
    [
      'huixi',
      {
        source: 'public_report',
        location: '铸造车间北门',
        description: '群众举报：车间消防通道堆放砂箱，安全出口被锁闭（演示）',
        category: '08',
        reported: [20, 'county'],
        steps: [[18, 'enterprise', plan(now, 2, false)]],
      },
    ],
    [
      'taibiao',
      {
        source: 'inspection',
        location: '熔炼车间',
        description: '中频炉冷却水系统无断水报警装置（演示）',
        category: '07',
        reported: [40, 'inspector'],
        steps: [[38, 'enterprise', plan(now, -6, false)]],
      },
    ],
    [
      'sinopec',
      {
        source: 'inspection',
        location: '汽柴油储罐区',
        description: '罐区可燃气体检测报警装置 4 台失效，未按国家标准设置（演示）',
        category: '18',
        tickedCriteria: ['hc-12'],
        reported: [30, 'county'],
        steps: [
          [27, 'enterprise', plan(now, 30, true)],
          [25, 'county', listed(now, '红应急督〔2026〕3号', '玉溪市红塔区应急管理局', 30)],
          [10, 'county', { review: '现场核查：报警装置已到货，正在安装调试（演示）' }],
        ],
      },
    ],
    [
      'xianfu',
      {
        source: 'inspection',
        location: '炼钢车间交接班室',
        description: '交接班室设置在钢水吊运跨内，未按要求搬迁（演示）',
        category: '07',
        tickedCriteria: ['gm-metallurgy-01'],
        reported: [70, 'city'],
        steps: [
          [65, 'enterprise', plan(now, -5, true)],
          [60, 'city', listed(now, '玉应急督〔2026〕1号', '玉溪市应急管理局', -5)],
          [20, 'city', { review: '督办检查：新交接班室主体完工，尚未搬迁，已督促加快（演示）' }],
        ],
      },
    ],
    [
      'jiangyuan',
      {
        source: 'self_check',
        location: '成品仓库',
        description: '成品库防雷检测报告过期（演示）',
        category: '14',
        reported: [15, 'enterprise'],
        steps: [
          [14, 'enterprise', plan(now, 5, false)],
          [
            8,
            'enterprise',
            {
              action: 'report_progress',
              progress: '已委托防雷检测机构，定于下周检测（演示）',
              percent: 50,
              photos: [],
            },
          ],
          [2, 'enterprise', submitted(false)],
        ],
      },
    ],
    [
      'yx_mining',
      {
        source: 'inspection',
        location: '尾矿库坝体',
        description: '尾矿库干滩长度不足设计要求，浸润线监测数据异常（演示）',
        category: '10',
        majorJudgement: '危害和整改难度较大，需全部或局部停产停业治理（演示）',
        reported: [50, 'county'],
        steps: [
          [48, 'enterprise', plan(now, 10, true)],
          [45, 'county', listed(now, '峨应急督〔2026〕2号', '峨山县应急管理局', 10)],
          [20, 'county', { review: '现场核查：排渗设施施工过半（演示）' }],
          [3, 'enterprise', submitted(true)],
        ],
      },
    ],
    [
      'dhs_iron',
      {
        source: 'self_check',
        location: '主平硐',
        description: '主平硐信号灯损坏 2 处（演示）',
        category: '02',
        reported: [30, 'enterprise'],
        steps: [
          [29, 'enterprise', plan(now, -10, false)],
          [16, 'enterprise', submitted(false)],
          [15, 'enterprise', { action: 'accept', opinion: '已更换，验收合格（演示）' }],
        ],
      },
    ],
    [
      'petrochina',
      {
        source: 'inspection',
        location: '油品装卸区',
        description: '装车鹤管未设置紧急切断功能（演示）',
        category: '08',
        tickedCriteria: ['hc-05'],
        reported: [90, 'county'],
        steps: [
          [88, 'enterprise', plan(now, -20, true)],
          [85, 'county', listed(now, '红应急督〔2026〕1号', '玉溪市红塔区应急管理局', -20)],
          [50, 'county', { review: '督办检查：紧急切断阀已安装（演示）' }],
          [25, 'enterprise', submitted(true)],
          [22, 'county', { action: 'accept', opinion: '经专家评估合格，同意销号（演示）' }],
          [21, 'county', { close: '隐患已消除，核销挂牌督办（演示）', documentNo: '红应急销〔2026〕1号' }],
        ],
      },
    ],
    [
      'muguang',
      {
        source: 'public_report',
        location: '厂区西侧',
        description: '群众举报：夜间违规动火作业（演示）',
        category: '08',
        reported: [12, 'county'],
        steps: [
          [10, 'county', { action: 'dismiss', reason: '经现场核查，系设备检修正常作业，手续齐全（演示）' }],
        ],
      },
    ],
    [
      'shunchang',
      {
        source: 'inspection',
        location: '轧钢车间',
        description: '轧机传动部位防护罩缺失（演示）',
        category: '03',
        reported: [35, 'inspector'],
        steps: [
          [33, 'enterprise', plan(now, -12, false)],
          [20, 'enterprise', submitted(false)],
          [
            18,
            'inspector',
            { action: 'reject', reason: '防护罩未固定，仍可徒手拆卸（演示）', deadline: dayFrom(now, 7) },
          ],
        ],
      },
    ],
    [
      'changmao',
      {
        source: 'self_check',
        location: '引火线生产工房',
        description: '工房防静电地面局部破损（演示）',
        category: '14',
        reported: [25, 'enterprise'],
        steps: [
          [24, 'enterprise', plan(now, -1, false)],
          [
            10,
            'enterprise',
            { action: 'request_extension', deadline: dayFrom(now, 10), reason: '防静电材料供货延迟（演示）' },
          ],
          [9, 'enterprise', { action: 'decide_extension', approve: true }],
        ],
      },
    ],
  ];
  return cases.flatMap(([key, hazard]) => {
    const site = at(key);
    return site ? [{ ...site, ...hazard }] : [];
  });
}

/** The hazard an inspection's failed item opened, ordered rectified and now awaiting acceptance. */
export function demoInspectionHazard(
  row: {
    text: string;
    note: string | null;
    legal_basis: string;
    hazard_category: string;
    enterprise_id: string;
    county: string;
    finished_at: Date;
    address: string | null;
    name: string;
    item_id: string;
  },
  now: Date,
): DemoHazard {
  const daysAgo = Math.max(3, (now.getTime() - row.finished_at.getTime()) / DAY);
  const location = row.address ?? row.name;
  return {
    enterpriseId: row.enterprise_id,
    county: row.county,
    lonLat: null,
    source: 'inspection',
    sourceRef: row.item_id,
    location: location.length >= 2 ? location.slice(0, 200) : `${location}现场`,
    description: `${row.text}${row.note ? `：${row.note}` : ''}（${row.legal_basis}）`.slice(0, 4000),
    category: row.hazard_category,
    reported: [daysAgo, 'inspector'],
    steps: [
      [daysAgo - 1, 'enterprise', plan(now, 5, false)],
      [2, 'enterprise', submitted(false)],
    ],
  };
}
