import type { ErrorDefinition } from '../error-definition.ts';

export const monitoringErrors = {
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
  // GB 18218 declarations (重大危险源申报).
  'major_hazard.unit_not_found': { status: 404, zh: '重大危险源辨识单元不存在', en: 'No such declared unit' },
  'major_hazard.unit_name_taken': {
    status: 409,
    zh: '本企业已有同名单元',
    en: 'The enterprise already has a unit of this name',
  },
  'major_hazard.unit_location_required': {
    status: 400,
    zh: '该单元构成重大危险源，请填写单元位置（企业也未登记位置）',
    en: 'The unit is a major hazard source: give its position (the enterprise has none either)',
  },
  // Telemetry ingestion and the monitoring API (server).
  'telemetry.busy': {
    status: 503,
    zh: '数据接收繁忙，请稍后重试（见 Retry-After）',
    en: 'Ingestion is busy; retry later (see Retry-After)',
  },
  'telemetry.store_failed': {
    status: 503,
    zh: '数据暂时无法保存，请稍后重发',
    en: 'The readings could not be stored; send them again later',
  },
  'telemetry.unknown_point': {
    status: 400,
    zh: '监测点不存在或不属于本企业',
    en: 'No such monitoring point for this enterprise',
  },
  'telemetry.invalid_reading': {
    status: 400,
    zh: '读数格式有误（需要 point、ts、value）',
    en: 'The reading is malformed (point, ts and value are required)',
  },
  'device.unauthenticated': {
    status: 401,
    zh: '设备令牌缺失、无效或已吊销',
    en: 'The device token is missing, invalid or revoked',
  },
  'device.token_not_found': { status: 404, zh: '设备令牌不存在', en: 'No such device token' },
  'monitoring.point_not_found': { status: 404, zh: '监测点不存在', en: 'No such monitoring point' },
  'monitoring.point_code_taken': {
    status: 409,
    zh: '该位号已被其他监测点使用',
    en: 'Another monitoring point already has this code',
  },
  'monitoring.object_not_monitorable': {
    status: 400,
    zh: '只能在重大危险源、尾矿库、矿山、地质灾害隐患点和森林火险区上设置监测点',
    en: 'Monitoring points belong to major hazard sources, tailings ponds, mines, geological-hazard sites and forest-fire risk areas only',
  },
  'monitoring.device_owner_required': {
    status: 400,
    zh: '设备令牌须指定所属企业，或（用于地质灾害隐患点等无企业的监测点）所属县（市、区），二者选一',
    en: 'A device token belongs to one enterprise or — for points without an enterprise, such as geological-hazard sites — to one county, not both',
  },
  'monitoring.alarm_not_found': { status: 404, zh: '报警不存在', en: 'No such alarm' },
  'monitoring.site_not_found': { status: 404, zh: '监测对象不存在', en: 'No such monitored site' },
} as const satisfies Record<string, ErrorDefinition>;
