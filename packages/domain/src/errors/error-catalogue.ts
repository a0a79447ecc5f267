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
} as const satisfies Record<string, ErrorDefinition>;

export type ErrorCode = keyof typeof errorCatalogue;
