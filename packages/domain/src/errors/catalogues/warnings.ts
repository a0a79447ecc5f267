import type { ErrorDefinition } from '../error-definition.ts';

/** Public warning release (预警发布). */
export const warningsErrors = {
  'warning.not_found': { status: 404, zh: '预警信息不存在', en: 'Warning not found' },
  'warning.unknown_event_type': {
    status: 400,
    zh: '预警事件类型不在配置的清单中',
    en: 'Unknown warning event type',
  },
  'warning.expires_before_onset': {
    status: 400,
    zh: '预警结束时间须晚于开始时间',
    en: 'The expiry must be after the onset',
  },
  'warning.area_empty': {
    status: 400,
    zh: '预警区域为空：请选择县区、乡镇或在地图上绘制范围',
    en: 'The warning area is empty: choose counties or townships, or draw an area',
  },
  'warning.area_unknown_division': {
    status: 400,
    zh: '预警区域含有不存在的行政区划代码',
    en: 'Unknown division code in the area',
  },
  'warning.area_polygon_invalid': {
    status: 400,
    zh: '绘制的多边形至少需要3个不重复的顶点',
    en: 'A drawn polygon needs at least 3 distinct corners',
  },
  'warning.area_polygon_self_intersecting': {
    status: 400,
    zh: '绘制的多边形边线自相交，请重新绘制',
    en: 'The drawn polygon crosses itself; draw it again',
  },
  'warning.area_out_of_scope': {
    status: 403,
    zh: '预警区域超出本人管辖的县（市、区）',
    en: 'The warning area lies outside your counties',
  },
  'warning.area_circle_invalid': {
    status: 400,
    zh: '圆形区域半径须大于0',
    en: 'The circle radius must be greater than 0',
  },
  'warning.invalid_transition': {
    status: 409,
    zh: '预警当前状态不允许此操作',
    en: 'The warning’s current status does not allow this step',
  },
  'warning.forbidden_action': {
    status: 403,
    zh: '无权执行此预警操作',
    en: 'You may not take this step on the warning',
  },
  'warning.same_person': {
    status: 403,
    zh: '双人审核：编写人不能审核或发布自己的预警',
    en: 'Two-person rule: the author may not approve or publish their own warning',
  },
  'warning.expired': { status: 409, zh: '预警已过结束时间', en: 'The warning has already expired' },
  'warning.version_not_found': { status: 404, zh: '预警版本不存在', en: 'Warning version not found' },
  'warning.source_not_found': {
    status: 404,
    zh: '预警来源（报警或事件）不存在或不在管辖范围内',
    en: 'The alarm or incident the warning comes from was not found in your scope',
  },
  'warning.template_not_found': { status: 404, zh: '预警模板不存在', en: 'Warning template not found' },
  'warning.template_name_taken': {
    status: 409,
    zh: '已有同名的预警模板',
    en: 'A warning template with this name already exists',
  },
  'warning.template_placeholder_unknown': {
    status: 400,
    zh: '模板含有未定义的占位符：{name}',
    en: 'The template uses an unknown placeholder: {name}',
  },
  'warning.import_not_xml': {
    status: 400,
    zh: '导入的文件格式错误，无法解析',
    en: 'The imported file is not well-formed XML',
  },
  'warning.import_forbidden_dtd': {
    status: 400,
    zh: '导入的文件含有文档类型或实体声明，已拒绝',
    en: 'The imported XML declares a DTD or entities and was refused',
  },
  'warning.import_not_cap': {
    status: 400,
    zh: '导入的文件不是CAP 1.2预警消息',
    en: 'The imported file is not a CAP 1.2 message',
  },
  'warning.import_invalid_cap': {
    status: 400,
    zh: '导入的CAP消息不符合CAP 1.2规范',
    en: 'The imported CAP message does not validate against CAP 1.2',
  },
  'warning.import_not_found': {
    status: 404,
    zh: '收到的预警不存在或不在管辖范围内',
    en: 'The received warning was not found in your scope',
  },
  'warning.import_expired': {
    status: 409,
    zh: '收到的预警已过结束时间，不能转发',
    en: 'The received warning has expired and cannot be forwarded',
  },
  'warning.import_cancelled': {
    status: 409,
    zh: '收到的预警已被发布单位取消，不能转发',
    en: 'The received warning was cancelled by its sender and cannot be forwarded',
  },
  'warning.import_already_forwarded': {
    status: 409,
    zh: '该预警已转发，请在已有的转发预警上修改',
    en: 'This warning has already been forwarded; edit the existing forwarded warning instead',
  },
  'warning.attachment_type': {
    status: 415,
    zh: '附件只能是 JPEG、PNG 图片或 PDF 文件',
    en: 'An attachment must be a JPEG or PNG image or a PDF file',
  },
  'warning.attachment_too_large': {
    status: 413,
    zh: '附件不能超过 5 MB',
    en: 'An attachment may be at most 5 MB',
  },
  'warning.attachment_not_editable': {
    status: 409,
    zh: '只有草稿或被退回的预警可以增删附件',
    en: 'Attachments can be added or removed only while the warning is a draft or rejected',
  },
  'warning.attachment_released': {
    status: 409,
    zh: '该附件已随预警发布，不能删除',
    en: 'This attachment was released with the warning and cannot be deleted',
  },
  'warning.attachment_not_found': {
    status: 404,
    zh: '预警附件不存在',
    en: 'The warning attachment was not found',
  },
} as const satisfies Record<string, ErrorDefinition>;
