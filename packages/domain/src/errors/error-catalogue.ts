/**
 * Every stable error code the platform answers with, its HTTP status and its message in both
 * languages. Codes never change once published: clients and tests depend on them.
 */
export interface ErrorDefinition {
  readonly status: number;
  readonly zh: string;
  readonly en: string;
}

export const errorCatalogue = {
  'request.invalid': { status: 400, zh: '请求参数有误', en: 'The request is invalid' },
  'request.invalid_json': {
    status: 400,
    zh: '请求体不是合法的 JSON',
    en: 'The request body is not valid JSON',
  },
  'request.too_large': { status: 413, zh: '请求体过大', en: 'The request body is too large' },
  'request.unsupported_media_type': {
    status: 415,
    zh: '不支持的内容类型，请使用 application/json',
    en: 'Unsupported content type; use application/json',
  },
  'request.rate_limited': {
    status: 429,
    zh: '请求过于频繁，请稍后再试',
    en: 'Too many requests; try again later',
  },
  'route.not_found': { status: 404, zh: '接口不存在', en: 'No such API route' },
  'server.internal': {
    status: 500,
    zh: '服务器内部错误，请联系管理员',
    en: 'Internal server error; contact the administrator',
  },

  'auth.unauthenticated': {
    status: 401,
    zh: '未登录或会话已过期，请重新登录',
    en: 'Not signed in, or the session has expired',
  },
  'auth.invalid_credentials': { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  'auth.account_locked': {
    status: 423,
    zh: '登录失败次数过多，账户已锁定，请稍后再试',
    en: 'Too many failed sign-ins; the account is locked for a while',
  },
  'auth.account_disabled': { status: 403, zh: '账户已停用', en: 'The account is disabled' },
  'auth.totp_required': {
    status: 401,
    zh: '请输入动态验证码',
    en: 'Enter the one-time code from your authenticator',
  },
  'auth.totp_invalid': { status: 401, zh: '动态验证码错误', en: 'Wrong one-time code' },
  'auth.totp_reused': {
    status: 401,
    zh: '该动态验证码已使用过，请等待下一个',
    en: 'That one-time code was already used; wait for the next one',
  },
  'auth.totp_not_started': { status: 409, zh: '请先生成动态口令密钥', en: 'Start TOTP enrolment first' },
  'auth.password_change_required': {
    status: 403,
    zh: '请先修改密码',
    en: 'Change your password before continuing',
  },
  'auth.totp_enrolment_required': {
    status: 403,
    zh: '请先绑定动态口令',
    en: 'Enrol an authenticator before continuing',
  },
  'auth.wrong_current_password': { status: 400, zh: '当前密码错误', en: 'The current password is wrong' },
  'auth.csrf_failed': {
    status: 403,
    zh: '安全校验失败，请刷新页面后重试',
    en: 'Security check failed; reload the page and try again',
  },
  'auth.forbidden': { status: 403, zh: '没有执行该操作的权限', en: 'You are not allowed to do this' },

  'password.too_short': { status: 400, zh: '密码长度不足', en: 'The password is too short' },
  'password.too_long': { status: 400, zh: '密码过长', en: 'The password is too long' },
  'password.too_few_classes': {
    status: 400,
    zh: '密码需包含大写字母、小写字母、数字、特殊字符中的至少三类',
    en: 'The password needs at least three of: upper case, lower case, digits, symbols',
  },
  'password.contains_username': {
    status: 400,
    zh: '密码不能包含用户名',
    en: 'The password must not contain the username',
  },
  'password.common': { status: 400, zh: '密码过于常见，请换一个', en: 'The password is too common' },
  'password.reused': { status: 400, zh: '不能使用最近用过的密码', en: 'The password was used recently' },

  'session.not_found': { status: 404, zh: '会话不存在', en: 'No such session' },

  'user.not_found': { status: 404, zh: '用户不存在', en: 'No such user' },
  'user.username_taken': { status: 409, zh: '用户名已存在', en: 'The username is taken' },
  'user.admin_role_exclusive': {
    status: 400,
    zh: '系统管理员、安全管理员、审计管理员三员角色不能与其他角色兼任',
    en: 'The system, security and audit administrator roles cannot be combined with any other role',
  },
  'user.scope_outside_caller': {
    status: 403,
    zh: '不能创建或管理超出本人数据范围的用户',
    en: 'You cannot manage a user outside your own data scope',
  },
  'user.cannot_change_self': {
    status: 400,
    zh: '不能对自己执行此操作',
    en: 'You cannot do this to your own account',
  },
  'user.unknown_role': { status: 400, zh: '角色不存在', en: 'Unknown role' },
  'user.enterprise_not_found': {
    status: 400,
    zh: '企业用户所属企业不存在，或与所选县区不符',
    en: 'The enterprise of an enterprise account does not exist or is not in the chosen county',
  },

  'role.not_found': { status: 404, zh: '角色不存在', en: 'No such role' },
  'role.code_taken': { status: 409, zh: '角色编码已存在', en: 'The role code is taken' },
  'role.permission_mix': {
    status: 400,
    zh: '管理类角色不能拥有业务权限，业务角色不能拥有管理权限',
    en: 'Administrator roles cannot hold business permissions, and business roles cannot hold administration permissions',
  },
  'role.unknown_permission': { status: 400, zh: '权限不存在', en: 'Unknown permission' },
  'role.builtin_protected': {
    status: 400,
    zh: '内置三员角色的权限不可修改',
    en: 'The permissions of the built-in administrator roles cannot be changed',
  },
  'role.in_use': { status: 409, zh: '角色仍有用户使用，不能删除', en: 'The role is still assigned to users' },

  'registry.scope_outside_caller': {
    status: 403,
    zh: '不能登记或修改本人数据范围以外的企业或对象',
    en: 'You cannot register or change an enterprise or object outside your data scope',
  },
  'enterprise.not_found': { status: 404, zh: '企业不存在', en: 'No such enterprise' },
  'enterprise.credit_code_taken': {
    status: 409,
    zh: '该统一社会信用代码已登记',
    en: 'An enterprise with this unified social credit code is already registered',
  },
  'enterprise.unknown_dictionary_value': {
    status: 400,
    zh: '监管行业、负责部门或许可类型不在字典中',
    en: 'A sector, department or licence type is not in the dictionary',
  },
  'object.not_found': { status: 404, zh: '监管对象不存在', en: 'No such regulated object' },
  'object.enterprise_not_found': {
    status: 400,
    zh: '所属企业不存在或不在本人数据范围内',
    en: 'The owning enterprise does not exist or is outside your scope',
  },
  'import.file_invalid': {
    status: 400,
    zh: '不是有效的 Excel（.xlsx）文件',
    en: 'Not a valid Excel (.xlsx) file',
  },
  'import.too_many_rows': {
    status: 400,
    zh: '导入文件行数过多（单次最多 50000 行）',
    en: 'Too many rows in the file (at most 50,000 at a time)',
  },
  'import.missing_columns': {
    status: 400,
    zh: '导入文件缺少必填列，请使用下载的模板',
    en: 'The file lacks required columns; use the downloadable template',
  },
  'boundary.invalid': {
    status: 400,
    zh: '边界数据无效：须为 GeoJSON 要素集合，每个要素有行政区划代码和面状几何',
    en: 'Invalid boundaries: a GeoJSON FeatureCollection whose features carry a division code and a polygon',
  },
  'dictionary.not_found': { status: 404, zh: '字典项不存在', en: 'No such dictionary entry' },

  'major_hazard.unknown_substance': {
    status: 400,
    zh: '未找到该危险化学品或危险性类别',
    en: 'Unknown hazardous chemical or hazard category',
  },
  'major_hazard.ambiguous_substance': {
    status: 400,
    zh: '该名称或CAS号对应多个条目，请选择具体条目',
    en: 'The name or CAS number matches several table rows; choose one',
  },
  'major_hazard.unknown_category': {
    status: 400,
    zh: '危险性类别代码不存在',
    en: 'Unknown hazard category code',
  },
  'major_hazard.beta_category_required': {
    status: 400,
    zh: '该物质未列入表3，请选择危险性类别以确定校正系数β',
    en: 'Not a Table 3 toxic gas; choose its hazard category to set β',
  },
  'major_hazard.invalid_quantity': {
    status: 400,
    zh: '数量须为大于0的数字（吨）',
    en: 'The quantity must be a number of tonnes greater than 0',
  },
  'major_hazard.invalid_population': {
    status: 400,
    zh: '暴露人数须为不小于0的整数',
    en: 'The exposed population must be a whole number ≥ 0',
  },
  'accident.invalid_figures': {
    status: 400,
    zh: '伤亡人数须为非负整数，直接经济损失须为非负数（万元）',
    en: 'Casualties must be whole numbers ≥ 0 and the loss a number ≥ 0 (万元)',
  },
  'accident.unknown_type': { status: 400, zh: '事故类别代码不存在', en: 'Unknown accident type code' },
  'accident.change_before_accident': {
    status: 400,
    zh: '伤亡变化时间早于事故发生时间',
    en: 'A casualty change is dated before the accident',
  },
  'accident.invalid_time': {
    status: 400,
    zh: '时间无效或早于事故发生时间',
    en: 'The time is invalid or earlier than the accident',
  },

  'risk.unit_not_found': { status: 404, zh: '风险单元不存在', en: 'No such risk unit' },
  'risk.point_not_found': { status: 404, zh: '风险点不存在', en: 'No such risk point' },
  'check.list_not_found': { status: 404, zh: '检查表不存在', en: 'No such check list' },
  'check.task_not_found': { status: 404, zh: '检查任务不存在', en: 'No such check task' },
  'check.task_done': { status: 409, zh: '该检查任务已完成', en: 'This check task is already done' },
  'check.results_incomplete': {
    status: 400,
    zh: '请对检查表的每一项给出且只给出一次结果',
    en: 'Give exactly one result for every item of the check list',
  },
  'emergency.resource_not_found': { status: 404, zh: '应急资源不存在', en: 'No such emergency resource' },
  'emergency.not_a_warehouse': {
    status: 400,
    zh: '只有物资库可以登记物资',
    en: 'Only a warehouse holds materials',
  },
  'incident.not_found': { status: 404, zh: '事故不存在', en: 'No such incident' },
  'incident.in_future': {
    status: 400,
    zh: '事故发生时间不能晚于当前时间',
    en: 'The accident cannot have happened in the future',
  },
  'incident.unknown_report_step': { status: 400, zh: '报告环节不存在', en: 'No such reporting step' },
  'incident.task_not_found': { status: 404, zh: '调度任务不存在', en: 'No such dispatch task' },
  'hazard.not_found': { status: 404, zh: '隐患不存在', en: 'No such hidden hazard' },
  'hazard.changed_meanwhile': {
    status: 409,
    zh: '该隐患刚被他人处理，请刷新后重试',
    en: 'Someone else changed this hazard just now; reload and try again',
  },
  'hazard.unknown_criterion': {
    status: 400,
    zh: '重大事故隐患判定标准条目不存在',
    en: 'Unknown major-hazard criterion code',
  },
  'hazard.criteria_list_invalid': {
    status: 400,
    zh: '重大事故隐患判定标准清单配置有误（编码重复、前缀不符或分组不存在）',
    en: 'The criteria list is inconsistent (duplicate or foreign codes, or an unknown group)',
  },
  'hazard.illegal_transition': {
    status: 409,
    zh: '隐患当前状态下不能执行该操作',
    en: "This step is not possible in the hazard's current status",
  },
  'hazard.action_not_allowed': {
    status: 403,
    zh: '该类用户不能执行此隐患操作',
    en: 'Your kind of account cannot take this step',
  },
  'hazard.wrong_reviewer': {
    status: 403,
    zh: '验收、退回和延期审批应由负责验收的一方执行',
    en: 'Acceptance, rejection and extension decisions belong to the reviewing party',
  },
  'hazard.plan_incomplete': {
    status: 400,
    zh: '重大事故隐患治理方案须落实责任、措施、资金、时限和预案，并写明治理目标和任务',
    en: "A major hazard's treatment plan needs responsibility, measures, funds, deadline and emergency plan, and its objectives",
  },
  'hazard.evidence_missing': {
    status: 400,
    zh: '请提交整改照片或资料；重大事故隐患还须提交治理评估报告',
    en: 'Attach photos or documents; a major hazard also needs the evaluation report',
  },
  'hazard.invalid_deadline': {
    status: 400,
    zh: '整改期限无效：须为有效日期且不早于今天，延期须晚于原期限',
    en: 'Invalid deadline: a real date, not past; an extension must be later than the current deadline',
  },
  'hazard.supervision_requires_major': {
    status: 400,
    zh: '只有重大事故隐患可以挂牌督办',
    en: 'Only major hidden hazards can be listed for supervision',
  },
  'hazard.already_listed': {
    status: 409,
    zh: '该隐患已由本级或上级挂牌督办',
    en: 'Already listed at this level or a higher one',
  },
  'hazard.extension_pending': {
    status: 409,
    zh: '已有待审批的延期申请',
    en: 'An extension request is already waiting for a decision',
  },
  'hazard.reason_required': { status: 400, zh: '请填写理由', en: 'Give the reason' },
  'hazard.escalation_rules_invalid': {
    status: 400,
    zh: '隐患逾期升级天数配置有误（0至3650的整数，县级不晚于市级）',
    en: 'The escalation days are inconsistent (whole numbers 0–3650, county no later than city)',
  },

  'upload.not_an_image': {
    status: 400,
    zh: '只能上传 JPEG 或 PNG 格式的照片',
    en: 'Only JPEG or PNG photos can be uploaded',
  },
  'upload.not_found': { status: 404, zh: '文件不存在', en: 'No such file' },
  // Enforcement (执法): draws, documents, penalty cases, discretion, the credit list.

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

  // Monitoring and early warning.
  'monitoring.point_invalid': {
    status: 400,
    zh: '监测点定义有误（单位、量程或报警阈值不一致）',
    en: 'The monitoring point is inconsistent (unit, range or thresholds)',
  },
  'monitoring.rule_invalid': {
    status: 400,
    zh: '报警规则有误或不适用于该监测点',
    en: 'The alarm rule is invalid or does not fit the point',
  },
  'monitoring.rollup_invalid': {
    status: 400,
    zh: '预警汇总规则有误（数量须为正整数，汇总级别须高于计数级别）',
    en: 'The roll-up rules are invalid',
  },
  'monitoring.escalation_rules_invalid': {
    status: 400,
    zh: '报警响应与升级时限设置有误',
    en: 'The response and escalation times are inconsistent',
  },
  'monitoring.repeat_rules_invalid': {
    status: 400,
    zh: '重复报警转隐患的次数或时段设置有误',
    en: 'The repeated-alarm count or period is out of range',
  },
  'monitoring.illegal_transition': {
    status: 409,
    zh: '报警当前状态下不能执行该操作',
    en: "This action is not possible in the alarm's current status",
  },
  'monitoring.action_not_allowed': {
    status: 403,
    zh: '无权对报警执行该操作',
    en: 'You are not allowed to do this to an alarm',
  },
  'monitoring.reason_required': {
    status: 400,
    zh: '人工消警须填写原因',
    en: 'Give the reason for clearing the alarm by hand',
  },
  'monitoring.assignee_required': {
    status: 400,
    zh: '处置须填写处置人和处置情况',
    en: 'Handling needs an assignee and notes',
  },
  'monitoring.disposal_required': {
    status: 400,
    zh: '关闭报警须填写报警原因和处置措施',
    en: 'Closing needs the cause and the measures taken',
  },

  'calc.consequence_invalid_input': {
    status: 400,
    zh: '后果模型输入缺失或超出允许范围',
    en: 'A consequence-model input is missing or out of range',
  },
  'calc.consequence_unknown_chemical': {
    status: 400,
    zh: '后果模型化学品数据表中没有该物质',
    en: 'The chemical is not in the consequence-model data table',
  },
  'calc.consequence_threshold_unavailable': {
    status: 400,
    zh: '该物质没有所选阈值，请改选阈值或输入自定义浓度',
    en: 'The chemical has no value for the chosen threshold; choose another or give a concentration',
  },
  'calc.consequence_not_flammable': {
    status: 400,
    zh: '该物质不可燃或缺少燃烧热，无法计算火灾或爆炸后果',
    en: 'The chemical is not flammable or has no heat of combustion; give one to model a fire or explosion',
  },
  'calc.lec_invalid_score': {
    status: 400,
    zh: 'LEC 评分取值不在标准分值表内（L：10/6/3/1/0.5/0.2/0.1；E：10/6/3/2/1/0.5；C：100/40/15/7/3/1）',
    en: 'An LEC score is not one of the standard values (L: 10, 6, 3, 1, 0.5, 0.2, 0.1; E: 10, 6, 3, 2, 1, 0.5; C: 100, 40, 15, 7, 3, 1)',
  },
  'calc.ls_invalid_score': {
    status: 400,
    zh: '风险矩阵的可能性和严重性须为 1 至 5 的整数',
    en: 'Likelihood and severity must be whole numbers from 1 to 5',
  },
  'calc.risk_table_invalid': {
    status: 400,
    zh: '风险分级表配置有误（分界值须递减，等级和颜色须为允许的取值）',
    en: 'The risk grading table is inconsistent (cut-offs must descend; levels and colours must be allowed values)',
  },
  'calc.grading_invalid_input': {
    status: 400,
    zh: '企业安全风险分级的输入不完整或超出范围',
    en: 'The enterprise risk grading input is incomplete or out of range',
  },
  'calc.amount_invalid': {
    status: 400,
    zh: '金额格式不正确，应为以元为单位的数字，如 30000.00',
    en: 'The amount is not a number of yuan such as 30000.00',
  },
  'calc.amount_negative': { status: 400, zh: '金额不能为负数', en: 'The amount cannot be negative' },
  'calc.amount_too_many_decimals': {
    status: 400,
    zh: '金额最多保留两位小数（到分）',
    en: 'The amount can have at most two decimals (fen)',
  },
  'calc.amount_too_large': {
    status: 400,
    zh: '金额须小于一万亿元',
    en: 'The amount must be less than 10¹² yuan',
  },
} as const satisfies Record<string, ErrorDefinition>;

export type ErrorCode = keyof typeof errorCatalogue;
