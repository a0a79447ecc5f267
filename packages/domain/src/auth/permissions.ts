/**
 * The permission catalogue. Permissions are strings; roles map to them as data that the security
 * administrator edits. `kind` separates the administration side (三员) from business data: a role
 * holds permissions of one kind only, so no administrator can read business data.
 */
export type PermissionKind = 'system' | 'security' | 'audit' | 'business';

export interface PermissionDefinition {
  readonly code: string;
  readonly kind: PermissionKind;
  readonly zh: string;
  readonly en: string;
}

export const permissionCatalogue = [
  { code: 'user:read', kind: 'system', zh: '查看用户', en: 'View users' },
  {
    code: 'user:write',
    kind: 'system',
    zh: '管理用户（新增、修改、停用、重置密码）',
    en: 'Manage users (create, edit, disable, reset password)',
  },
  { code: 'session:manage', kind: 'system', zh: '强制下线用户会话', en: 'End other users’ sessions' },
  {
    code: 'sms:read',
    kind: 'system',
    zh: '查看短信发送队列（号码已遮盖）',
    en: 'View the SMS outbox (phones masked)',
  },
  { code: 'role:read', kind: 'security', zh: '查看角色与权限', en: 'View roles and permissions' },
  { code: 'role:write', kind: 'security', zh: '管理角色与授权', en: 'Manage roles and grants' },
  {
    code: 'security:read',
    kind: 'security',
    zh: '查看安全事件（锁定、验证码失败、限流、越权访问）',
    en: 'View security events (lock-outs, captcha failures, throttling, scope denials)',
  },
  { code: 'audit:read', kind: 'audit', zh: '查看审计日志', en: 'Read the audit log' },
  { code: 'audit:export', kind: 'audit', zh: '导出审计日志', en: 'Export the audit log' },
  { code: 'dashboard:view', kind: 'business', zh: '查看工作台', en: 'View the workbench' },
  {
    code: 'registry:read',
    kind: 'business',
    zh: '查看企业与监管对象',
    en: 'View enterprises and regulated objects',
  },
  {
    code: 'registry:write',
    kind: 'business',
    zh: '维护企业与监管对象',
    en: 'Maintain enterprises and regulated objects',
  },
  {
    code: 'registry:configure',
    kind: 'business',
    zh: '维护字典与行政区划边界',
    en: 'Maintain dictionaries and division boundaries',
  },
  { code: 'risk:read', kind: 'business', zh: '查看风险分级管控', en: 'View risk grading' },
  { code: 'risk:write', kind: 'business', zh: '维护风险分级管控', en: 'Maintain risk grading' },
  { code: 'hazard:read', kind: 'business', zh: '查看隐患', en: 'View hidden hazards' },
  { code: 'hazard:report', kind: 'business', zh: '上报与整改隐患', en: 'Report and rectify hidden hazards' },
  {
    code: 'hazard:supervise',
    kind: 'business',
    zh: '督办与验收隐患',
    en: 'Supervise and accept hidden hazards',
  },
  { code: 'monitoring:read', kind: 'business', zh: '查看监测预警', en: 'View monitoring and warnings' },
  { code: 'alarm:handle', kind: 'business', zh: '处置报警', en: 'Handle alarms' },
  { code: 'enforcement:read', kind: 'business', zh: '查看执法检查', en: 'View enforcement' },
  { code: 'enforcement:write', kind: 'business', zh: '开展执法检查', en: 'Carry out enforcement' },
  {
    code: 'emergency:read',
    kind: 'business',
    zh: '查看应急资源与事件',
    en: 'View emergency resources and incidents',
  },
  { code: 'emergency:write', kind: 'business', zh: '应急指挥调度', en: 'Command and dispatch' },
  { code: 'team:field', kind: 'business', zh: '救援队伍现场上报', en: 'Rescue team field reporting' },
  { code: 'warning:write', kind: 'business', zh: '编辑预警信息', en: 'Author public warnings' },
  { code: 'warning:approve', kind: 'business', zh: '审批发布预警', en: 'Approve public warnings' },
  { code: 'stats:read', kind: 'business', zh: '查看统计分析', en: 'View statistics' },
  { code: 'whistle:handle', kind: 'business', zh: '受理与核查举报', en: 'Handle public reports' },
  { code: 'whistle:reward', kind: 'business', zh: '审批举报奖励', en: 'Approve whistleblower rewards' },
  {
    code: 'whistle:identity',
    kind: 'business',
    zh: '查看实名举报人身份',
    en: 'See a real-name reporter’s identity',
  },
  {
    code: 'plan:manage',
    kind: 'business',
    zh: '统筹规划实施（分解任务、考核、专项整治验收）',
    en: 'Run the plan (assign tasks, assess, verify campaigns)',
  },
  {
    code: 'plan:report',
    kind: 'business',
    zh: '报送本单位规划任务进展与整治销号',
    en: 'Report the unit’s plan progress and close campaign objects',
  },
  { code: 'pi:view', kind: 'business', zh: '查看未脱敏的个人信息', en: 'See unmasked personal information' },
] as const satisfies readonly PermissionDefinition[];

export type Permission = (typeof permissionCatalogue)[number]['code'];

export const allPermissions: readonly Permission[] = permissionCatalogue.map((p) => p.code);

export function isPermission(value: string): value is Permission {
  return (allPermissions as readonly string[]).includes(value);
}

export function permissionKind(permission: Permission): PermissionKind {
  const definition = permissionCatalogue.find((p) => p.code === permission);
  if (!definition) throw new Error(`unknown permission ${permission}`);
  return definition.kind;
}
