import type { DataScope } from './data-scope.ts';
import type { Permission } from './permissions.ts';
import type { SecurityLabel } from './security-labels.ts';

/**
 * The roles a fresh installation starts with. `adminKind` marks the three administrator roles of
 * 三员分立 (GB/T 22239-2019 8.1.5): their permissions are fixed, and they cannot be combined with
 * any other role on one account.
 */
export type AdminKind = 'system' | 'security' | 'audit';

export interface BuiltinRole {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly adminKind: AdminKind | null;
  /** Staff and administrators sign in with TOTP (GB/T 22239-2019 8.1.4.1d); enterprise users and experts may not have it. */
  readonly requiresTotp: boolean;
  readonly permissions: readonly Permission[];
  /** The data scopes an account with this role may have (role-scope-fit.ts; issue 19, defect 8). */
  readonly scopeKinds: readonly DataScope['kind'][];
  /** The highest security label the role reads (security-labels.ts); the security administrator may change it. */
  readonly clearance: SecurityLabel;
}

const BUREAU: readonly DataScope['kind'][] = ['city', 'county'];

const officerPermissions: readonly Permission[] = [
  'dashboard:view',
  'registry:read',
  'registry:write',
  'risk:read',
  'hazard:read',
  'hazard:supervise',
  'monitoring:read',
  'alarm:handle',
  'enforcement:read',
  'enforcement:write',
  'emergency:read',
  'emergency:write',
  'warning:write',
  'stats:read',
  'whistle:handle',
];

export const builtinRoles: readonly BuiltinRole[] = [
  {
    code: 'sysadmin',
    clearance: 'public',
    nameZh: '系统管理员',
    nameEn: 'System administrator',
    adminKind: 'system',
    scopeKinds: BUREAU,
    requiresTotp: true,
    permissions: ['user:read', 'user:write', 'session:manage', 'sms:read'],
  },
  {
    code: 'secadmin',
    clearance: 'public',
    nameZh: '安全管理员',
    nameEn: 'Security administrator',
    adminKind: 'security',
    scopeKinds: BUREAU,
    requiresTotp: true,
    permissions: ['role:read', 'role:write', 'security:read'],
  },
  {
    code: 'auditadmin',
    clearance: 'public',
    nameZh: '审计管理员',
    nameEn: 'Audit administrator',
    adminKind: 'audit',
    scopeKinds: BUREAU,
    requiresTotp: true,
    permissions: ['audit:read', 'audit:export'],
  },
  {
    code: 'city_officer',
    clearance: 'sensitive',
    nameZh: '市局工作人员',
    nameEn: 'City bureau officer',
    adminKind: null,
    scopeKinds: ['city'],
    requiresTotp: true,
    permissions: [
      ...officerPermissions,
      'warning:approve',
      'pi:view',
      'registry:configure',
      'whistle:reward',
    ],
  },
  {
    code: 'county_officer',
    clearance: 'sensitive',
    nameZh: '县（区）局工作人员',
    nameEn: 'County bureau officer',
    adminKind: null,
    scopeKinds: ['county'],
    requiresTotp: true,
    permissions: officerPermissions,
  },
  {
    code: 'industry_officer',
    clearance: 'internal',
    nameZh: '行业部门工作人员',
    nameEn: 'Industry department officer',
    adminKind: null,
    scopeKinds: BUREAU,
    requiresTotp: true,
    permissions: [
      'dashboard:view',
      'registry:read',
      'risk:read',
      'hazard:read',
      'hazard:supervise',
      'monitoring:read',
      'enforcement:read',
      'stats:read',
    ],
  },
  {
    code: 'safety_office',
    clearance: 'internal',
    nameZh: '安委办工作人员',
    nameEn: 'Safety committee office',
    adminKind: null,
    scopeKinds: ['city'],
    requiresTotp: true,
    permissions: ['plan:manage'],
  },
  {
    code: 'department_officer',
    clearance: 'internal',
    nameZh: '成员单位工作人员',
    nameEn: 'Member unit officer',
    adminKind: null,
    scopeKinds: BUREAU,
    requiresTotp: true,
    permissions: ['plan:report'],
  },
  {
    code: 'inspector',
    clearance: 'internal',
    nameZh: '执法检查人员',
    nameEn: 'Inspector',
    adminKind: null,
    scopeKinds: BUREAU,
    requiresTotp: true,
    permissions: [
      'dashboard:view',
      'registry:read',
      'risk:read',
      'hazard:read',
      'enforcement:read',
      'enforcement:write',
    ],
  },
  {
    code: 'enterprise_manager',
    clearance: 'internal',
    nameZh: '企业安全管理人员',
    nameEn: 'Enterprise safety manager',
    adminKind: null,
    scopeKinds: ['enterprise'],
    requiresTotp: false,
    permissions: [
      'dashboard:view',
      'registry:read',
      'risk:read',
      'risk:write',
      'hazard:read',
      'hazard:report',
      'monitoring:read',
      'alarm:handle',
    ],
  },
  {
    // Issue 16: a real-name reporter's identity is seen by this role only, each view with a reason.
    code: 'whistle_custodian',
    clearance: 'whistle_identity',
    nameZh: '举报人信息保管员',
    nameEn: 'Reporter identity custodian',
    adminKind: null,
    scopeKinds: ['city'],
    requiresTotp: true,
    permissions: ['dashboard:view', 'whistle:identity'],
  },
  {
    // 应急联动: a rescue team's leader or member; sees only the dispatches of the teams the account
    // is linked to (rescue_team_members), on the phone pages /m/teams.
    code: 'rescue_team',
    clearance: 'internal',
    nameZh: '救援队员',
    nameEn: 'Rescue team member',
    adminKind: null,
    scopeKinds: BUREAU,
    requiresTotp: false,
    permissions: ['team:field'],
  },
  {
    code: 'expert',
    clearance: 'internal',
    nameZh: '安全专家',
    nameEn: 'Safety expert',
    adminKind: null,
    scopeKinds: BUREAU,
    requiresTotp: false,
    permissions: ['dashboard:view', 'registry:read', 'risk:read', 'hazard:read', 'enforcement:read'],
  },
];
