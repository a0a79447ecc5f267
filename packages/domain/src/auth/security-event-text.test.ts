import { describe, expect, it } from 'vitest';
import { describeSecurityEvent } from './security-event-text.ts';

describe('security event details in words', () => {
  it.each([
    [
      'scope_denied',
      'POST /api/v1/uploads registry.scope_outside_caller',
      'zh-CN',
      'POST /api/v1/uploads：不能登记或修改本人数据范围以外的企业或对象',
    ],
    ['account_locked', 'password_change', 'zh-CN', '修改密码时当前密码连续错误'],
    ['captcha_failed', 'expired', 'en', 'Captcha expired or unknown'],
    ['session_limit', '1', 'zh-CN', '结束了 1 个较早的会话'],
    ['account_inactive_disabled', '90', 'en', 'No sign-in for 90 days'],
    ['ip_throttled', null, 'zh-CN', ''],
  ] as const)('%s %s (%s) → %s', (kind, detail, language, text) => {
    expect(describeSecurityEvent({ kind, detail }, language)).toBe(text);
  });
});
