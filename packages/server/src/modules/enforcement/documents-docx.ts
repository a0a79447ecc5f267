import { AlignmentType, Document, Paragraph, Table, TableRow, WidthType } from 'docx';
import {
  enforcementDocumentTypes,
  formatRmbForDocument,
  securityLabelNames,
  type RecordLabel,
} from '@anjian/domain';
import { docxBuffer, docxCell, docxParagraph, docxText } from '../../platform/office/index.ts';

/**
 * 执法文书 as DOCX, in the layout of the national 式样: agency, title, number, then the body. The
 * bureau's Word supplies 宋体/仿宋 (they cannot be shipped). Amounts print in figures and in 大写.
 */
export interface DocumentFields {
  agency: string;
  number: string;
  enterpriseName: string;
  creditCode: string;
  address: string;
  inspectedAt?: string;
  inspectors?: string[];
  items?: {
    code: string;
    text: string;
    result: string;
    note?: string;
    deadline?: string;
    legalBasis: string;
  }[];
  notes?: string;
  reviewOpinion?: string;
  violation?: string;
  penaltyClause?: string;
  fineYuan?: string;
  /** Penalty documents (告知书, 决定书) from a case. */
  partyName?: string;
  violatedProvision?: string;
  penaltyKinds?: string[];
  confiscationYuan?: string;
  hearingRight?: boolean;
  statementDueDate?: string;
  decidedOn?: string;
  paymentDueDate?: string;
  issuedOn: string;
}

// 小四 (12 pt) for the body of a 文书.
const SIZE = 24;
const para = (text: string, options: { bold?: boolean; center?: boolean; size?: number } = {}) =>
  docxParagraph(text, options, SIZE);
const cell = (text: string) => docxCell(text, { size: SIZE });
const resultNames: Record<string, string> = { pass: '符合', fail: '不符合', na: '不适用' };

function body(type: string, f: DocumentFields): Paragraph[] {
  const failed = (f.items ?? []).filter((i) => i.result === 'fail');
  switch (type) {
    case 'inspection_record':
      return [
        para(`检查时间：${f.inspectedAt ?? ''}`),
        para(`检查人员：${(f.inspectors ?? []).join('、')}`),
        para(`检查情况：${f.notes ?? ''}`),
      ];
    case 'rectification_order':
      return [
        para(`${f.enterpriseName}：`),
        para('经现场检查，你单位存在下列问题：'),
        ...failed.map((i, n) =>
          para(
            `${n + 1}. ${i.text}${i.note ? `（${i.note}）` : ''}，依据${i.legalBasis}，限于${i.deadline ?? ''}前整改完毕。`,
          ),
        ),
        para('整改期间，你单位应当采取措施，确保安全。'),
      ];
    case 'rectification_review':
      return [para(`${f.enterpriseName}：`), para(`复查意见：${f.reviewOpinion ?? ''}`)];
    case 'penalty_notice':
      return penaltyNotice(f);
    default:
      return penaltyDecision(f);
  }
}

/** The penalty in words: the kinds, then each amount in 大写 and in figures. */
function penaltyText(f: DocumentFields): string {
  const money = [
    f.fineYuan ? `罚款${formatRmbForDocument(f.fineYuan)}` : null,
    f.confiscationYuan ? `没收违法所得${formatRmbForDocument(f.confiscationYuan)}` : null,
  ].filter((m): m is string => m !== null);
  const others = (f.penaltyKinds ?? []).filter((k) => k !== '罚款' && !k.startsWith('没收'));
  return [...others, ...money].join('；');
}

function basisText(f: DocumentFields): string {
  const violated = f.violatedProvision ? `以上事实违反了${f.violatedProvision}的规定，` : '';
  return `${violated}依据${f.penaltyClause || '有关法律、法规'}的规定`;
}

// 行政处罚法 Arts. 44, 45, 63, 64 [M]: the party is told the facts, the grounds, the penalty and its rights.
function penaltyNotice(f: DocumentFields): Paragraph[] {
  const party = f.partyName ?? f.enterpriseName;
  const due = f.statementDueDate ? `（即${f.statementDueDate}前）` : '';
  return [
    para(`${party}：`),
    para(`经查，${f.violation ?? ''}。`),
    para(`${basisText(f)}，本机关拟对你单位作出如下行政处罚：${penaltyText(f)}。`),
    para('根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你单位有权进行陈述和申辩。'),
    ...(f.hearingRight
      ? [para('根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你单位有权要求听证。')]
      : []),
    para(
      `你单位如要求陈述、申辩${f.hearingRight ? '或者听证' : ''}，应当自收到本告知书之日起${f.hearingRight ? '五' : '三'}个工作日内${due}向本机关提出，逾期视为放弃上述权利。`,
    ),
  ];
}

// 行政处罚法 Arts. 59, 67, 72 [M]: the decision, how and when to pay, and the appeal periods.
function penaltyDecision(f: DocumentFields): Paragraph[] {
  const due = f.paymentDueDate ? `（即${f.paymentDueDate}前）` : '';
  return [
    para(`违法事实：${f.violation ?? ''}`),
    para(`${basisText(f)}，本机关决定给予以下行政处罚：${penaltyText(f)}。`),
    ...(f.fineYuan
      ? [
          para(
            `罚款限于收到本决定书之日起十五日内${due}缴至指定银行。逾期不缴纳的，每日按罚款数额的百分之三加处罚款。`,
          ),
        ]
      : []),
    para(
      '如不服本决定，可以在收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。',
    ),
    ...(f.decidedOn ? [para(`决定日期：${f.decidedOn}`)] : []),
  ];
}

/**
 * 密级 at the top right of the first page, above the agency, as the bureau's 文书 mark it: the
 * label of the case behind the document (decision 0005). 内部 and 敏感 are printed, 公开 is not.
 */
function labelMark(label: RecordLabel | null): Paragraph[] {
  if (!label || label === 'public') return [];
  return [
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      children: [docxText(`密级：${securityLabelNames[label].zh}`, { bold: true }, SIZE)],
    }),
  ];
}

export async function enforcementDocumentDocx(
  type: string,
  f: DocumentFields,
  label: RecordLabel | null = null,
): Promise<Buffer> {
  const title = enforcementDocumentTypes.find((t) => t.code === type)?.zh ?? type;
  const table =
    type === 'inspection_record' && f.items && f.items.length > 0
      ? [
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({ children: ['序号', '检查内容', '检查依据', '结果', '说明'].map(cell) }),
              ...f.items.map(
                (i, n) =>
                  new TableRow({
                    children: [
                      String(n + 1),
                      i.text,
                      i.legalBasis,
                      resultNames[i.result] ?? '',
                      i.note ?? '',
                    ].map(cell),
                  }),
              ),
            ],
          }),
        ]
      : [];
  const doc = new Document({
    sections: [
      {
        children: [
          ...labelMark(label),
          para(f.agency, { center: true, bold: true, size: 32 }),
          para(title, { center: true, bold: true, size: 40 }),
          para(f.number, { center: true }),
          para(`${type.startsWith('penalty') ? '当事人' : '被检查单位'}：${f.partyName ?? f.enterpriseName}`),
          para(`统一社会信用代码：${f.creditCode}`),
          para(`地址：${f.address}`),
          ...body(type, f),
          ...table,
          para(`${f.agency}（印章）`, { center: false }),
          para(f.issuedOn),
        ],
      },
    ],
  });
  return docxBuffer(doc);
}
