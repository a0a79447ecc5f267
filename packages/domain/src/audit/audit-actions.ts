/**
 * The audit actions in people's words (zh-CN and English), and what kind of record each one's
 * target is, so the log can name the record (the enterprise, the user) instead of its id. Every
 * route that names `config.audit` must have its entry here; a test walks the server's routes.
 */
export const auditTargetKinds = [
  'enterprise',
  'user',
  'role',
  'hazard',
  'object',
  'incident',
  'riskUnit',
  'riskPoint',
  'monitoringPoint',
  'majorHazardUnit',
  'enforcementCase',
  'inspection',
  'resource',
  'division',
] as const;
export type AuditTargetKind = (typeof auditTargetKinds)[number];

export interface AuditActionLabel {
  readonly zh: string;
  readonly en: string;
  /** What the entry's target id names, when it names a record we can look up. */
  readonly target?: AuditTargetKind;
}

const a = (zh: string, en: string, target?: AuditTargetKind): AuditActionLabel =>
  target ? { zh, en, target } : { zh, en };

export const auditActions = {
  'auth.login': a('登录', 'Sign in'),
  'auth.logout': a('退出登录', 'Sign out'),
  'auth.password_change': a('修改密码', 'Change password'),
  'auth.session_end': a('结束会话', 'End a session'),
  'auth.totp_setup': a('开始绑定动态口令', 'Start TOTP enrolment'),
  'auth.totp_confirm': a('确认绑定动态口令', 'Confirm TOTP enrolment'),
  'auth.captcha': a('获取登录图形验证码', 'Get a sign-in captcha'),
  'security_event.export': a('导出安全事件', 'Export security events'),

  'user.create': a('新建用户', 'Create user', 'user'),
  'user.update': a('修改用户', 'Edit user', 'user'),
  'user.status': a('启用/停用用户', 'Enable or disable user', 'user'),
  'user.reset_password': a('重置用户密码', 'Reset user password', 'user'),
  'user.reset_totp': a('重置用户动态口令', 'Reset user TOTP', 'user'),
  'user.unlock': a('解锁用户', 'Unlock user', 'user'),
  'user.end_sessions': a('强制用户下线', 'End user’s sessions', 'user'),
  'user.enterprise_lookup': a('查找企业（开设企业账号）', 'Look up enterprises (enterprise accounts)'),
  'role.create': a('新建角色', 'Create role', 'role'),
  'role.update': a('修改角色', 'Edit role', 'role'),
  'role.delete': a('删除角色', 'Delete role', 'role'),
  'audit.export': a('导出审计日志', 'Export audit log'),
  'audit.verify': a('校验审计日志', 'Verify audit log'),

  'calc.lec': a('LEC 风险计算', 'LEC risk calculation'),
  'calc.ls': a('LS 风险计算', 'LS risk calculation'),
  'calc.major_hazard': a('重大危险源辨识计算', 'Major hazard identification'),
  'calc.accident_level': a('事故等级计算', 'Accident class calculation'),
  'calc.consequence': a('事故后果计算', 'Consequence calculation'),
  'calc.draw_verify': a('复核双随机抽取', 'Verify a random draw'),
  'calc.enterprise_grading': a('企业百分制分级计算', 'Enterprise grading calculation'),

  'division.boundaries_import': a('导入行政区划边界', 'Import division boundaries'),
  'dictionary.upsert': a('维护数据字典', 'Edit dictionary entry'),
  'enterprise.create': a('新增企业', 'Register enterprise', 'enterprise'),
  'enterprise.update': a('修改企业信息', 'Edit enterprise', 'enterprise'),
  'enterprise.import': a('导入企业', 'Import enterprises'),
  'enterprise.export': a('导出企业', 'Export enterprises'),
  'object.create': a('新增监管对象', 'Register regulated object', 'object'),
  'object.update': a('修改监管对象', 'Edit regulated object', 'object'),
  'object.delete': a('删除监管对象', 'Delete regulated object', 'object'),
  'upload.create': a('上传文件', 'Upload file'),

  'risk.unit_create': a('新增风险单元', 'Add risk unit', 'riskUnit'),
  'risk.unit_update': a('修改风险单元', 'Edit risk unit', 'riskUnit'),
  'risk.unit_delete': a('删除风险单元', 'Delete risk unit', 'riskUnit'),
  'risk.point_create': a('新增风险点', 'Add risk point', 'riskUnit'),
  'risk.point_update': a('修改风险点', 'Edit risk point', 'riskPoint'),
  'risk.point_delete': a('删除风险点', 'Delete risk point', 'riskPoint'),
  'risk.ledger_export': a('导出风险分级管控台账', 'Export risk register'),
  'risk.notice_board': a('生成安全风险公告栏', 'Make risk notice board'),
  'risk.post_card': a('生成岗位安全风险告知卡', 'Make post risk card', 'riskUnit'),
  'risk.site_plan': a('上传企业平面图', 'Upload site plan'),
  'risk.enterprise_grading': a('企业百分制分级', 'Grade enterprise', 'enterprise'),
  'check.list_create': a('新建检查表', 'Create check list'),
  'check.list_update': a('修改检查表', 'Edit check list'),
  'check.task_complete': a('完成检查任务', 'Complete check task'),
  'hazard.report': a('登记隐患', 'Report hidden hazard', 'hazard'),
  'hazard.action': a('隐患闭环处理', 'Hidden hazard step', 'hazard'),
  'hazard.link_points': a('关联监测点', 'Link monitoring points', 'hazard'),
  'hazard.supervision_review': a('挂牌督办检查', 'Supervision review', 'hazard'),
  'hazard.supervision_close': a('挂牌督办核销', 'Close supervision', 'hazard'),
  'hazard.escalation_settings': a('修改隐患逾期升级设置', 'Edit escalation settings'),

  'monitoring.point.create': a('新增监测点', 'Add monitoring point', 'monitoringPoint'),
  'monitoring.point.update': a('修改监测点', 'Edit monitoring point', 'monitoringPoint'),
  'monitoring.point.disable': a('停用监测点', 'Disable monitoring point', 'monitoringPoint'),
  'monitoring.rule.save': a('保存报警规则', 'Save alarm rule'),
  'monitoring.settings.update': a('修改监测设置', 'Edit monitoring settings'),
  'monitoring.alarm.action': a('处置报警', 'Alarm step'),
  'monitoring.device_token.create': a('新建设备令牌', 'Create device token'),
  'monitoring.device_token.revoke': a('吊销设备令牌', 'Revoke device token'),
  'major_hazard.unit_declare': a('申报重大危险源单元', 'Declare major hazard unit', 'majorHazardUnit'),
  'major_hazard.unit_update': a('修改重大危险源单元', 'Edit major hazard unit', 'majorHazardUnit'),
  'major_hazard.unit_retire': a('注销重大危险源单元', 'Retire major hazard unit', 'majorHazardUnit'),

  'enforcement.category.create': a('新建执法分类', 'Create enforcement category'),
  'enforcement.category.update': a('修改执法分类', 'Edit enforcement category'),
  'enforcement.category.assign': a('设置企业执法分类', 'Set enterprise category', 'enterprise'),
  'enforcement.checklist.create': a('新增检查事项', 'Add checklist item'),
  'enforcement.checklist.update': a('修改检查事项', 'Edit checklist item'),
  'enforcement.inspector.create': a('新增执法人员', 'Add inspector'),
  'enforcement.inspector.update': a('修改执法人员', 'Edit inspector'),
  'enforcement.conflict.declare': a('登记回避关系', 'Declare conflict of interest'),
  'enforcement.conflict.withdraw': a('撤销回避关系', 'Withdraw conflict of interest'),
  'enforcement.plan.create': a('新建执法计划', 'Create enforcement plan'),
  'enforcement.plan.update': a('修改执法计划', 'Edit enforcement plan'),
  'enforcement.draw.create': a('新建双随机抽取', 'Create random draw'),
  'enforcement.draw.publish': a('公布抽取承诺', 'Publish draw commitment'),
  'enforcement.draw.execute': a('执行双随机抽取', 'Execute random draw'),
  'enforcement.draw.disclose': a('公开抽取种子', 'Disclose draw seed'),
  'enforcement.inspection.create': a('新建执法检查', 'Create inspection', 'inspection'),
  'enforcement.inspection.start': a('开始执法检查', 'Start inspection', 'inspection'),
  'enforcement.inspection.submit': a('提交执法检查', 'Submit inspection', 'inspection'),
  'enforcement.document.issue': a('制作执法文书', 'Issue enforcement document'),
  'enforcement.case.file': a('行政处罚立案', 'Open penalty case', 'enforcementCase'),
  'enforcement.case.action': a('行政处罚案件处理', 'Penalty case step', 'enforcementCase'),
  'enforcement.credit.candidate': a('列入失信名单候选', 'Propose for the dishonesty list'),
  'enforcement.credit.action': a('失信名单处理', 'Dishonesty list step'),
  'enforcement.credit.settings': a('修改失信名单设置', 'Edit dishonesty list settings'),
  'enforcement.discretion.table': a('修改裁量基准', 'Edit discretion table'),
  'enforcement.discretion.suggest': a('查询处罚裁量建议', 'Penalty suggestion'),

  'incident.report': a('事故首报', 'Report accident', 'incident'),
  'incident.follow_up': a('事故续报', 'Follow-up report', 'incident'),
  'incident.report_sent': a('登记事故信息报送', 'Record report sent', 'incident'),
  'incident.dispatch': a('调度指令', 'Dispatch', 'incident'),
  'incident.task_status': a('更新调度任务', 'Update dispatch task', 'incident'),
  'incident.note': a('指挥记录', 'Command note', 'incident'),
  'incident.close': a('结束事故处置', 'Close accident', 'incident'),
  'emergency.resource_create': a('新增应急资源', 'Add emergency resource', 'resource'),
  'emergency.resource_update': a('修改应急资源', 'Edit emergency resource', 'resource'),
  'emergency.resource_delete': a('删除应急资源', 'Delete emergency resource', 'resource'),
  'emergency.materials_update': a('更新应急物资', 'Update emergency materials', 'resource'),
  'emergency.plan_create': a('新增应急预案', 'Add emergency plan'),
  'emergency.plan_update': a('修改应急预案', 'Edit emergency plan'),
  'emergency.plan_delete': a('删除应急预案', 'Delete emergency plan'),
  'emergency.case_create': a('新增典型案例', 'Add case study'),
  'emergency.case_update': a('修改典型案例', 'Edit case study'),
  'emergency.case_delete': a('删除典型案例', 'Delete case study'),
  'emergency.scenario_create': a('新增演练情景', 'Add drill scenario'),
  'emergency.scenario_update': a('修改演练情景', 'Edit drill scenario'),
  'emergency.scenario_delete': a('删除演练情景', 'Delete drill scenario'),
  'emergency.drill_create': a('新增应急演练', 'Add drill'),
  'emergency.drill_update': a('修改应急演练', 'Edit drill'),
  'emergency.drill_delete': a('删除应急演练', 'Delete drill'),
  'emergency.finding_add': a('新增演练问题', 'Add drill finding'),
  'emergency.finding_update': a('修改演练问题', 'Edit drill finding'),
  'emergency.duty_shift_create': a('新增值班安排', 'Add duty shift'),
  'emergency.duty_shift_update': a('修改值班安排', 'Edit duty shift'),
  'emergency.duty_shift_delete': a('删除值班安排', 'Delete duty shift'),
  'emergency.duty_log': a('值班记录', 'Duty log entry'),
  'notification.read': a('标记通知已读', 'Mark notification read'),
  'notification.read_all': a('全部通知标为已读', 'Mark all notifications read'),

  'user.export': a('导出用户', 'Export users'),
  'object.export': a('导出监管对象', 'Export regulated objects'),
  'risk.overview_export': a('导出区域风险台账', 'Export the area risk ledger'),
  'hazard.export': a('导出隐患台账', 'Export hidden hazards'),
  'emergency_resource.export': a('导出应急资源', 'Export emergency resources'),
  'incident.export': a('导出事件', 'Export incidents'),
  'incident.classify': a(
    '事故统计分类（是否计入生产安全事故）',
    'Classify an accident for the statistics',
    'incident',
  ),
  'statistics.export': a('导出生产安全事故统计报表', 'Export the accident statistics report'),
  'statistics.import_accidents': a('导入历史事故', 'Import historical accidents'),
  'statistics.import_denominators': a('导入地区生产总值和就业人员', 'Import GDP and employment'),
  'statistics.import_control_numbers': a('导入年度控制考核指标', 'Import yearly control numbers'),
  'plan.organisation_members': a('设置单位账号', 'Set a unit’s accounts'),
  'plan.assign': a('分解规划任务', 'Assign a plan task'),
  'plan.progress': a('报送规划任务进展', 'Report plan task progress'),
  'plan.assignment_export': a('导出规划任务分解', 'Export plan task assignments'),
  'plan.assessment_create': a('新建目标责任考核', 'Create a yearly assessment'),
  'plan.assessment_score': a('考核评分', 'Score a unit in an assessment'),
  'plan.assessment_export': a('导出考核结果', 'Export assessment results'),
  'plan.campaign_create': a('新建专项整治', 'Create a special campaign'),
  'plan.campaign_object_add': a('添加整治对象', 'Add a campaign object'),
  'plan.campaign_object_close': a('整治对象销号', 'Close a campaign object'),
  'plan.campaign_object_verify': a('整治销号验收', 'Verify a campaign object'),
  'plan.evaluation': a('生成规划评估报告', 'Generate the plan evaluation report'),
  'drill.export': a('导出演练', 'Export drills'),
  'enforcement.inspection.export': a('导出执法检查', 'Export inspections'),
  'enforcement.case.export': a('导出处罚案件', 'Export penalty cases'),
  'alarm.export': a('导出报警记录', 'Export alarms'),

  'warning.create': a('新建预警', 'Draft a warning'),
  'warning.edit': a('修改预警', 'Edit a warning'),
  'warning.submit': a('提交预警审核', 'Submit a warning for approval'),
  'warning.approve': a('审核通过预警', 'Approve a warning'),
  'warning.reject': a('退回预警', 'Reject a warning'),
  'warning.publish': a('发布预警', 'Publish a warning'),
  'warning.revise': a('更新预警', 'Update a warning'),
  'warning.cancel': a('解除预警', 'Cancel a warning'),
  'warning.retry': a('重发预警', 'Resend a warning'),
  'warning.import': a('导入外部预警', 'Import a received warning'),
  'warning.export': a('导出预警', 'Export warnings'),
  'warning.prefill': a('由后果区域生成预警草稿', 'Draft a warning from a consequence zone'),
  'warning.template_create': a('新建预警模板', 'Create a warning template'),
  'warning.template_edit': a('修改预警模板', 'Edit a warning template'),
  'warning.template_delete': a('删除预警模板', 'Delete a warning template'),
} as const satisfies Record<string, AuditActionLabel>;

export type AuditAction = keyof typeof auditActions;

/** Entries written before an action had a name carry `METHOD /path`: say so in words. */
const unnamed: AuditActionLabel = { zh: '其他操作', en: 'Other operation' };

export function auditActionLabel(action: string): AuditActionLabel {
  return (auditActions as Record<string, AuditActionLabel>)[action] ?? unnamed;
}

/** The catalogue as options for a filter, in catalogue order. */
export function auditActionOptions(): { value: AuditAction; zh: string; en: string }[] {
  return (Object.keys(auditActions) as AuditAction[]).map((value) => ({
    value,
    zh: auditActions[value].zh,
    en: auditActions[value].en,
  }));
}
