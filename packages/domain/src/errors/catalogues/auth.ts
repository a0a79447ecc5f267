import type { ErrorDefinition } from '../error-definition.ts';

/**
 * Sign-in defences and account rules added with issue 19 (defects 6 and 8, 等保 level 3). The
 * older auth.*, session.* and user.* codes stay in platform.ts: published codes never move.
 */
export const authErrors = {
  'auth.captcha_required': {
    status: 401,
    zh: '请输入图形验证码',
    en: 'Enter the characters shown in the picture',
  },
  'auth.captcha_invalid': {
    status: 401,
    zh: '图形验证码错误或已过期，请重新输入',
    en: 'The picture code is wrong or has expired; try the new one',
  },
  'auth.login_throttled': {
    status: 429,
    zh: '该地址登录失败次数过多，请稍后再试',
    en: 'Too many failed sign-ins from this address; try again later',
  },
  'auth.busy': {
    status: 503,
    zh: '登录请求过多，请稍后重试',
    en: 'Too many sign-ins at once; try again in a moment',
  },
  'auth.account_inactive': {
    status: 403,
    zh: '账户长期未登录已停用，请联系系统管理员重新启用',
    en: 'The account was disabled after a long time without sign-in; ask the system administrator to enable it',
  },
  'user.scope_role_mismatch': {
    status: 400,
    zh: '数据范围与角色不符：市局角色须为全市范围，县（区）角色须为县区范围，企业角色须为企业范围',
    en: 'The data scope does not fit the roles: city roles need the whole city, county roles counties, enterprise roles one enterprise',
  },
} as const satisfies Record<string, ErrorDefinition>;
