import type { RiskPointInput, RiskUnitInput } from '@anjian/domain';

/** A demo risk unit (演示) of a named site (key of demo-named-sites.ts) with its points. */
export interface DemoRiskUnit {
  site: string;
  name: string;
  kind: RiskUnitInput['kind'];
  location: string;
  points: RiskPointInput[];
}

type Scores = RiskPointInput['assessment'];

function point(
  name: string,
  accidentTypes: RiskPointInput['accidentTypes'],
  assessment: Scores,
  measures: [RiskPointInput['measures'][number]['kind'], string][],
  controlLevel: RiskPointInput['controlLevel'],
  responsiblePerson: string,
): RiskPointInput {
  return {
    name,
    accidentTypes,
    assessment,
    measures: measures.map(([kind, text]) => ({ kind, text })),
    controlLevel,
    responsiblePerson,
  };
}

const lec = (l: number, e: number, c: number): Scores => ({ method: 'lec', l, e, c });
const ls = (l: number, s: number): Scores => ({ method: 'ls', l, s });

/**
 * Scores chosen so that the city shows all four colours: LEC D = 720 (重大, red), 270 and 240 (较大,
 * orange), 90 (一般, yellow), 42 and 21 (低, blue); LS R = 20 (red), 16 (orange), 9 (yellow), 2 (blue).
 */
export const demoRiskUnits: DemoRiskUnit[] = [
  {
    site: 'sinopec',
    name: '汽柴油储罐区',
    kind: 'area',
    location: '库区东侧',
    points: [
      point(
        '汽油储罐泄漏遇点火源',
        ['08', '18'],
        lec(3, 6, 40),
        [
          ['engineering', '设置可燃气体检测报警、紧急切断阀和泡沫灭火系统'],
          ['management', '动火作业审批，罐区严禁烟火'],
          ['emergency', '罐区火灾专项应急预案，每半年演练一次'],
        ],
        'company',
        '库区主任（演示）',
      ),
      point(
        '装卸车静电积聚',
        ['08', '18'],
        lec(1, 6, 15),
        [
          ['engineering', '装卸鹤管静电接地、流速控制'],
          ['training', '装卸人员持证上岗'],
        ],
        'workshop',
        '装卸班长（演示）',
      ),
    ],
  },
  {
    site: 'petrochina',
    name: '油品装卸区',
    kind: 'facility',
    location: '库区西侧装车台',
    points: [
      point(
        '油罐车装车溢油',
        ['08'],
        lec(3, 6, 15),
        [
          ['engineering', '装车定量控制和溢油报警'],
          ['management', '装车全程监护'],
        ],
        'workshop',
        '装车台班长（演示）',
      ),
    ],
  },
  {
    site: 'xinxing',
    name: '转炉煤气柜',
    kind: 'facility',
    location: '能源中心',
    points: [
      point(
        '煤气柜一氧化碳泄漏',
        ['19'],
        ls(4, 5),
        [
          ['engineering', '一氧化碳固定式检测报警并联锁'],
          ['ppe', '进入区域佩戴便携式报警仪、空气呼吸器'],
          ['emergency', '煤气中毒现场处置方案'],
        ],
        'company',
        '能源中心主任（演示）',
      ),
    ],
  },
  {
    site: 'xinxing',
    name: '炼钢车间铁水吊运',
    kind: 'activity',
    location: '炼钢车间加料跨',
    points: [
      point(
        '铁水罐吊运倾翻',
        ['04', '07'],
        ls(4, 4),
        [
          ['engineering', '冶金起重机双制动、龙门钩检测'],
          ['management', '吊运路线下方禁止人员停留'],
        ],
        'workshop',
        '炼钢车间主任（演示）',
      ),
    ],
  },
  {
    site: 'yukun',
    name: '高炉炉前作业',
    kind: 'post',
    location: '1号高炉出铁场',
    points: [
      point(
        '出铁口喷溅灼烫',
        ['07'],
        ls(3, 3),
        [
          ['ppe', '炉前工穿戴隔热服、面罩'],
          ['training', '炉前作业岗位操作规程培训'],
        ],
        'team',
        '炉前班长（演示）',
      ),
    ],
  },
  {
    site: 'changshou',
    name: '装药工房',
    kind: 'area',
    location: '危险品生产区 3 号工房',
    points: [
      point(
        '药物摩擦撞击引发爆炸',
        ['14'],
        lec(3, 6, 40),
        [
          ['engineering', '防静电地面、人体静电释放装置'],
          ['management', '定员定量，严禁超员超量'],
        ],
        'company',
        '生产区主任（演示）',
      ),
    ],
  },
  {
    site: 'jiangyuan',
    name: '成品仓库',
    kind: 'area',
    location: '成品库区',
    points: [
      point(
        '成品超量储存',
        ['14', '08'],
        lec(1, 6, 15),
        [['management', '按核定药量储存，出入库登记']],
        'workshop',
        '仓库保管员（演示）',
      ),
    ],
  },
  {
    site: 'yx_mining',
    name: '尾矿库',
    kind: 'facility',
    location: '尾矿库坝体',
    points: [
      point(
        '坝体浸润线超限溃坝',
        ['10'],
        lec(1, 6, 40),
        [
          ['engineering', '在线监测浸润线、位移和库水位'],
          ['emergency', '溃坝应急预案，下游人员撤离路线'],
        ],
        'company',
        '尾矿车间主任（演示）',
      ),
    ],
  },
  {
    site: 'dhs_iron',
    name: '井下运输',
    kind: 'activity',
    location: '主平硐',
    points: [
      point(
        '有轨运输车辆伤害',
        ['02'],
        lec(1, 6, 7),
        [['management', '行车不行人，信号闭锁']],
        'team',
        '运输班长（演示）',
      ),
    ],
  },
  {
    site: 'taibiao',
    name: '铸造熔炼工段',
    kind: 'post',
    location: '熔炼车间',
    points: [
      point(
        '中频炉漏炉',
        ['07'],
        ls(1, 2),
        [['engineering', '炉衬测厚、漏炉报警']],
        'post',
        '熔炼工（演示）',
      ),
    ],
  },
  {
    site: 'huixi',
    name: '砂处理工段',
    kind: 'area',
    location: '铸造车间',
    points: [
      point(
        '皮带输送机卷入',
        ['03'],
        lec(1, 3, 7),
        [['engineering', '皮带机防护罩、拉绳开关']],
        'team',
        '砂处理班长（演示）',
      ),
    ],
  },
];
