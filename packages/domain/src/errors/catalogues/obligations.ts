import type { ErrorDefinition } from '../error-definition.ts';

export const obligationsErrors = {
  'obligations.id_number_invalid': {
    status: 400,
    zh: '身份证号码格式或校验位不正确',
    en: 'The ID number is malformed or its check digit is wrong',
  },
  'obligations.operation_required': {
    status: 400,
    zh: '特种作业人员和特种作业操作证须填写作业类别',
    en: 'A special-operation worker or certificate needs its operation category',
  },
  'obligations.dates_out_of_order': {
    status: 400,
    zh: '结束日期不能早于开始日期',
    en: 'The end date cannot precede the start date',
  },
  'obligations.decision_required': {
    status: 400,
    zh: '作出决定时须选择准予或不予许可',
    en: 'A decision must say whether the licence is granted',
  },
  'obligations.person_not_found': { status: 404, zh: '人员不存在', en: 'No such person' },
  'obligations.certificate_not_found': { status: 404, zh: '证书不存在', en: 'No such certificate' },
  'obligations.certificate_number_taken': {
    status: 409,
    zh: '该证书编号已登记',
    en: 'This certificate number is already registered',
  },
  'obligations.certificate_kind_mismatch': {
    status: 400,
    zh: '证书类别与人员岗位不符',
    en: "The certificate kind does not match the person's post",
  },
  'obligations.gap_not_found': {
    status: 404,
    zh: '该企业当前没有这项持证问题',
    en: 'The enterprise has no such certificate gap now',
  },
  'obligations.policy_not_found': { status: 404, zh: '保单不存在', en: 'No such policy' },
  'obligations.policy_number_taken': {
    status: 409,
    zh: '该保单号已登记',
    en: 'This policy number is already registered',
  },
  'obligations.licence_type_unknown': { status: 400, zh: '许可证类别不存在', en: 'Unknown licence type' },
  'obligations.application_not_found': {
    status: 404,
    zh: '许可申请不存在',
    en: 'No such licence application',
  },
  'obligations.step_out_of_order': {
    status: 409,
    zh: '须按“申请—受理—审查—决定”的顺序办理，不能跳过或重复',
    en: 'The steps go submitted, accepted, reviewed, decided, none skipped or repeated',
  },
  'obligations.step_before_previous': {
    status: 400,
    zh: '办理日期不能早于上一环节的日期',
    en: 'A step cannot be dated before the previous one',
  },
  'obligations.project_not_found': { status: 404, zh: '建设项目不存在', en: 'No such construction project' },
  'obligations.project_complete': {
    status: 409,
    zh: '该项目已通过竣工验收',
    en: 'The project has passed its completion acceptance',
  },
  'obligations.agency_not_found': { status: 404, zh: '技术服务机构不存在', en: 'No such service agency' },
  'obligations.agency_taken': {
    status: 409,
    zh: '该统一社会信用代码或资质证书编号已登记',
    en: 'An agency with this credit code or qualification number is already registered',
  },
  'obligations.agency_staff_taken': {
    status: 409,
    zh: '该登记编号已在本机构登记',
    en: 'This registration number is already registered with the agency',
  },
  'obligations.agency_report_taken': {
    status: 409,
    zh: '该机构已登记此报告编号',
    en: 'The agency has already filed a report with this number',
  },
  'obligations.claim_not_found': { status: 404, zh: '理赔记录不存在', en: 'No such claim' },
  'obligations.claim_number_taken': {
    status: 409,
    zh: '该理赔案件号已登记',
    en: 'This claim number is already registered',
  },
  'obligations.incident_not_found': { status: 404, zh: '事故不存在', en: 'No such incident' },
  'obligations.claim_incident_other_enterprise': {
    status: 400,
    zh: '该事故不属于投保企业',
    en: 'The incident is not one of the insured enterprise',
  },
  'obligations.claim_policy_not_in_force': {
    status: 400,
    zh: '事故发生之日保单不在保险期间内，不能理赔',
    en: 'The policy was not in force on the day of the incident',
  },
  'obligations.claim_reported_before_incident': {
    status: 400,
    zh: '报案日期不能早于事故发生日期',
    en: 'The claim cannot be reported before the incident happened',
  },
  'obligations.claim_step_not_allowed': {
    status: 409,
    zh: '理赔当前状态不能办理该环节',
    en: 'The claim cannot take this step in its present status',
  },
  'obligations.claim_step_before_previous': {
    status: 400,
    zh: '办理日期不能早于上一环节',
    en: 'A step cannot be dated before the previous one',
  },
  'obligations.claim_paid_amount_required': {
    status: 400,
    zh: '赔付须填写赔付金额',
    en: 'A payment needs the amount paid',
  },
  'obligations.claim_reason_required': {
    status: 400,
    zh: '拒赔须填写理由',
    en: 'A rejection needs its reason',
  },
  'obligations.service_not_found': {
    status: 404,
    zh: '事故预防服务记录不存在',
    en: 'No such prevention service',
  },
  'obligations.hazard_not_found': { status: 404, zh: '隐患不存在', en: 'No such hidden hazard' },
  'obligations.hazard_other_enterprise': {
    status: 400,
    zh: '该隐患不属于被服务企业',
    en: 'The hidden hazard is not one of the served enterprise',
  },
  'obligations.agency_report_not_found': {
    status: 404,
    zh: '技术服务报告不存在',
    en: 'No such agency report',
  },
  'obligations.spot_check_size': {
    status: 400,
    zh: '请填写抽取数量或比例，或选定要抽查的记录（三者只填一项，选定时不填种子）',
    en: 'Give a number, a percentage or the chosen records (one of them; no seed with chosen records)',
  },
  'obligations.spot_check_empty': {
    status: 409,
    zh: '该期间和范围内没有可抽查的记录',
    en: 'Nothing to check in this period and scope',
  },
  'obligations.spot_check_not_found': { status: 404, zh: '抽查不存在', en: 'No such spot check' },
  'obligations.spot_check_recorded': {
    status: 409,
    zh: '该项抽查结果已登记',
    en: 'This check has already been recorded',
  },
  'obligations.spot_check_fail_reason': {
    status: 400,
    zh: '不合格时须填写问题或整改要求',
    en: 'A failed check needs its findings or the rectification required',
  },
  'obligations.spot_check_problem_unknown': {
    status: 400,
    zh: '问题类型不在本局的问题清单中',
    en: 'The problem type is not in the bureau’s list',
  },
  'obligations.spot_check_date': {
    status: 400,
    zh: '抽查日期不能早于抽取日期或晚于今天',
    en: 'A check cannot be dated before the draw or after today',
  },
} as const satisfies Record<string, ErrorDefinition>;
