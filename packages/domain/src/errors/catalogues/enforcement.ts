import type { ErrorDefinition } from '../error-definition.ts';

export const enforcementErrors = {
  // Enforcement (执法): draws, documents, penalty cases, discretion, the credit list.
  // Enforcement server (issue 6): records, draws, inspections, offline submissions, documents.
  'enforcement.not_found': { status: 404, zh: '记录不存在', en: 'No such record' },
  'enforcement.inspection_not_found': { status: 404, zh: '检查不存在', en: 'No such inspection' },
  'enforcement.category_exists': {
    status: 409,
    zh: '执法类别代码已存在',
    en: 'That category code exists already',
  },
  'enforcement.category_unknown': { status: 400, zh: '执法类别不存在', en: 'Unknown enforcement category' },
  'enforcement.certificate_exists': {
    status: 409,
    zh: '执法证号已登记',
    en: 'That law-enforcement certificate number is registered already',
  },
  'enforcement.inspector_user_taken': {
    status: 409,
    zh: '该用户已关联其他执法人员',
    en: 'That user is linked to another inspector already',
  },
  'enforcement.inspector_unknown': {
    status: 400,
    zh: '执法人员不存在、已停用、执法证已过期或不属于该区县的执法队伍',
    en: 'Unknown or inactive inspector, an expired certificate, or not on this county’s roster',
  },
  'enforcement.conflict_outside_division': {
    status: 400,
    zh: '只能为执法人员所属区县的企业申报回避',
    en: 'A conflict of interest can be declared only for an enterprise in the inspector’s county',
  },
  'enforcement.conflict_exists': {
    status: 409,
    zh: '该回避关系已申报',
    en: 'That conflict of interest is declared already',
  },
  'enforcement.draw_wrong_status': {
    status: 409,
    zh: '抽查当前状态下不能进行该操作',
    en: "This step is not possible in the draw's current status",
  },
  'enforcement.inspection_item_unknown': {
    status: 400,
    zh: '检查项不属于本次检查',
    en: 'The item is not on this inspection',
  },
  'enforcement.inspection_results_incomplete': {
    status: 400,
    zh: '尚有检查项未填写结果',
    en: 'Some items have no result yet',
  },
  'enforcement.inspection_not_assigned': {
    status: 403,
    zh: '您不是本次检查的执法人员',
    en: 'You are not one of the inspectors of this inspection',
  },
  'enforcement.inspection_closed': {
    status: 409,
    zh: '检查已完成或已取消，不能再提交',
    en: 'The inspection is completed or cancelled; nothing more can be submitted',
  },
  'enforcement.submission_conflict': {
    status: 409,
    zh: '该提交编号已用于其他内容',
    en: 'That submission id was used for different content',
  },
  'enforcement.upload_unknown': {
    status: 400,
    zh: '照片或签名文件不存在',
    en: 'Unknown photo or signature upload',
  },
  'enforcement.checklist_empty': {
    status: 400,
    zh: '没有适用于该企业的检查项，请先维护检查项库',
    en: 'No checklist items apply to this enterprise; add items to the library first',
  },
  'enforcement.checklist_item_exists': {
    status: 409,
    zh: '该行业已有相同编号的检查项',
    en: 'The sector has an item with that code already',
  },
  'enforcement.document_not_applicable': {
    status: 409,
    zh: '当前检查或案件还不能制作该文书',
    en: 'This document cannot be made for the inspection or case yet',
  },
  'enforcement.case_not_found': { status: 404, zh: '案件不存在', en: 'No such penalty case' },
  'enforcement.case_changed_meanwhile': {
    status: 409,
    zh: '案件已被他人更新，请刷新后重试',
    en: 'Someone else changed the case meanwhile; reload and try again',
  },
  'credit.listing_not_found': { status: 404, zh: '失信名单记录不存在', en: 'No such listing' },
  'credit.listing_exists': {
    status: 409,
    zh: '该案件已有失信名单记录',
    en: 'The case has a listing already',
  },
  'enforcement.invalid_date': {
    status: 400,
    zh: '日期无效，请使用 YYYY-MM-DD 格式的真实日期',
    en: 'Not a real date in YYYY-MM-DD form',
  },
  'enforcement.calendar_invalid': {
    status: 400,
    zh: '节假日日历有误（日期重复或不在所列年份内）',
    en: 'The holiday calendar is inconsistent (duplicate days or days outside its years)',
  },
  'enforcement.calendar_not_covered': {
    status: 409,
    zh: '节假日日历未包含该年份的放假安排，请先维护节假日日历',
    en: "The holiday calendar does not cover that year; add the year's holiday arrangements first",
  },
  'enforcement.draw_record_invalid': {
    status: 400,
    zh: '抽查公示记录有误（编号重复、权重与公式不符或参数不合规）',
    en: 'The draw record is invalid (duplicate ids, weights not matching the formula, or bad parameters)',
  },
  'enforcement.draw_seed_invalid': {
    status: 400,
    zh: '随机种子应为 64 位十六进制字符',
    en: 'The seed must be 64 hexadecimal characters',
  },
  'enforcement.draw_pool_too_small': {
    status: 400,
    zh: '可抽取的企业数少于抽取数量',
    en: 'Fewer enterprises can be drawn than the number requested',
  },
  'enforcement.draw_inspectors_unavailable': {
    status: 400,
    zh: '有企业可选派的执法人员不足（已排除回避人员）',
    en: 'An enterprise has too few inspectors without a declared conflict',
  },
  'enforcement.risk_weight_formula_invalid': {
    status: 400,
    zh: '风险权重公式参数有误',
    en: 'The risk-weight formula parameters are invalid',
  },
  'enforcement.document_type_unknown': { status: 400, zh: '文书种类不存在', en: 'Unknown document type' },
  'enforcement.document_number_invalid': {
    status: 400,
    zh: '文书编号格式有误',
    en: 'The document number is malformed',
  },
  'enforcement.document_sequence_mismatch': {
    status: 400,
    zh: '上一个文书编号不属于该机关、文书种类或年份',
    en: 'The last number belongs to another prefix, document type or year',
  },
  'enforcement.case_illegal_transition': {
    status: 409,
    zh: '案件当前状态下不能进行该操作',
    en: "This step is not possible in the case's current status",
  },
  'enforcement.case_action_not_allowed': {
    status: 403,
    zh: '该角色不能进行此项办案操作',
    en: 'This role may not take this step in a case',
  },
  'enforcement.case_reason_required': { status: 400, zh: '请填写理由', en: 'Give the reason' },
  'enforcement.case_too_few_investigators': {
    status: 400,
    zh: '执法人员不得少于两人',
    en: 'At least two law-enforcement officers are required',
  },
  'enforcement.case_proposal_invalid': {
    status: 400,
    zh: '拟处罚内容有误（罚款须有金额，其他种类不得带金额）',
    en: 'The proposed penalty is inconsistent (a fine needs an amount; other kinds take none)',
  },
  'enforcement.case_invalid_date': {
    status: 400,
    zh: '日期不合理（早于前一环节或晚于今天）',
    en: 'The date is out of order (before the previous step, or in the future)',
  },
  'enforcement.case_hearing_not_available': {
    status: 409,
    zh: '拟作出的处罚不属于听证范围',
    en: 'The proposed penalty does not carry a right to a hearing',
  },
  'enforcement.case_hearing_request_late': {
    status: 409,
    zh: '已超过申请听证的期限',
    en: 'The period to request a hearing has passed',
  },
  'enforcement.case_hearing_too_early': {
    status: 400,
    zh: '听证日期距通知当事人不足法定天数',
    en: 'The hearing date is too soon after notifying the party',
  },
  'enforcement.case_hearing_presider_conflict': {
    status: 400,
    zh: '听证应由非本案调查人员主持',
    en: 'The hearing must be presided over by someone who did not investigate the case',
  },
  'enforcement.case_notice_period_running': {
    status: 409,
    zh: '陈述申辩或申请听证的期限尚未届满',
    en: 'The period for statements or a hearing request has not ended yet',
  },
  'enforcement.case_legal_review_required': {
    status: 409,
    zh: '该案件须经法制审核通过后才能作出决定',
    en: 'The case needs a passed legal review before the decision',
  },
  'enforcement.case_decision_heavier_than_notice': {
    status: 409,
    zh: '决定不得重于告知的处罚，如需加重请重新告知',
    en: 'The decision may not be heavier than the notice; issue a new notice first',
  },
  'enforcement.case_extension_exceeded': {
    status: 400,
    zh: '延长后的办案期限超过允许的上限',
    en: 'The extension goes beyond the longest period allowed',
  },
  'enforcement.discretion_unknown_violation': {
    status: 400,
    zh: '裁量基准中没有该违法行为',
    en: 'The discretion table has no such violation',
  },
  'enforcement.discretion_table_invalid': {
    status: 400,
    zh: '裁量基准表有误（档次金额超出法定幅度或顺序颠倒）',
    en: 'The discretion table is inconsistent (a band outside the statutory range, or out of order)',
  },
  'credit.illegal_transition': {
    status: 409,
    zh: '失信名单当前状态下不能进行该操作',
    en: "This step is not possible in the listing's current status",
  },
  'credit.action_not_allowed': {
    status: 403,
    zh: '该角色不能进行此项失信名单操作',
    en: 'This role may not take this step on a listing',
  },
  'credit.not_listable': {
    status: 400,
    zh: '该处罚不属于列入严重失信主体名单的情形',
    en: 'The penalty is not of a kind that leads to the serious-dishonesty list',
  },
  'credit.objection_late': { status: 409, zh: '已超过提出异议的期限', en: 'The objection period has passed' },
  'credit.objection_window_open': {
    status: 409,
    zh: '异议期尚未届满',
    en: 'The objection period has not ended yet',
  },
  'credit.objection_unanswered': {
    status: 400,
    zh: '当事人提出了异议，请填写核实情况',
    en: 'The party objected; record the answer to the objection',
  },
  'credit.repair_too_early': {
    status: 409,
    zh: '列入名单未满规定期限，不能申请提前移出',
    en: 'Too early to apply for early removal (credit repair)',
  },
  'credit.not_yet_expired': {
    status: 409,
    zh: '名单管理期限尚未届满',
    en: 'The listing period has not ended yet',
  },
  'credit.reason_required': { status: 400, zh: '请填写理由', en: 'Give the reason' },
  // Plans, penalty cases and the credit list on the server (issue 6, second pass).
  'enforcement.plan_exists': {
    status: 409,
    zh: '该单位在该期间已有检查计划',
    en: 'The division has a plan for that period already',
  },
  'enforcement.plan_target_outside': {
    status: 400,
    zh: '县（区）计划只能为本县（区）设定目标',
    en: "A county plan sets targets for the county's own area only",
  },
  'enforcement.plan_target_duplicate': {
    status: 400,
    zh: '同一类别和县（区）的目标重复',
    en: 'The same category and county appear twice in the targets',
  },
  'enforcement.plan_focus_unknown': {
    status: 400,
    zh: '重点检查名单中的企业不存在、重复或不在计划范围内',
    en: "A focus-list enterprise is unknown, repeated or outside the plan's area",
  },
  'enforcement.case_source_invalid': {
    status: 400,
    zh: '来源检查不存在、未完成或不是该企业的检查',
    en: 'The source inspection is unknown, not completed, or of another enterprise',
  },
  'enforcement.document_exists': {
    status: 409,
    zh: '该环节的文书已制作并编号',
    en: 'The document for this step has been issued and numbered already',
  },
  'credit.case_mismatch': {
    status: 400,
    zh: '企业与处罚案件的当事人不一致',
    en: 'The enterprise is not the party of that penalty case',
  },
  'credit.case_not_decided': {
    status: 409,
    zh: '该案件尚未作出处罚决定',
    en: 'No penalty has been decided in that case',
  },
} as const satisfies Record<string, ErrorDefinition>;
