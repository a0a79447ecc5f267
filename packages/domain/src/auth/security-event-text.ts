import { errorCatalogue, type ErrorCode } from '../errors/error-catalogue.ts';
import type { Language } from '../errors/domain-error.ts';
import type { SecurityEvent } from './security-event.schema.ts';

type Text = { zh: string; en: string };

const fixed: Record<string, Text> = {
  sign_in: { zh: '登录连续失败', en: 'Repeated failed sign-ins' },
  password_change: {
    zh: '修改密码时当前密码连续错误',
    en: 'Repeated wrong current password on password change',
  },
  expired: { zh: '验证码已过期或不存在', en: 'Captcha expired or unknown' },
  wrong: { zh: '验证码输入错误', en: 'Wrong captcha answer' },
};

function pick(text: Text, language: Language): string {
  return language === 'en' ? text.en : text.zh;
}

/** What a scope denial refused: the request and the refusal's message (never the bare code). */
function scopeDenial(detail: string, language: Language): string {
  const [method, route, code] = detail.split(' ');
  const definition = code && code in errorCatalogue ? errorCatalogue[code as ErrorCode] : null;
  const reason = definition ? pick(definition, language) : '';
  return [method && route ? `${method} ${route}` : '', reason]
    .filter(Boolean)
    .join(language === 'en' ? ': ' : '：');
}

/** The event's detail in words, for the security events page and its export. */
export function describeSecurityEvent(
  event: Pick<SecurityEvent, 'kind' | 'detail'>,
  language: Language,
): string {
  const detail = event.detail ?? '';
  if (!detail) return '';
  if (event.kind === 'scope_denied') return scopeDenial(detail, language);
  const known = fixed[detail];
  if (known) return pick(known, language);
  const n = Number(detail);
  if (!Number.isInteger(n)) return '';
  if (event.kind === 'session_limit')
    return language === 'en' ? `${n} older session(s) ended` : `结束了 ${n} 个较早的会话`;
  if (event.kind === 'global_throttled')
    return language === 'en' ? `${n} failed sign-ins in the window` : `时间窗口内登录失败 ${n} 次`;
  if (event.kind === 'account_inactive_disabled')
    return language === 'en' ? `No sign-in for ${n} days` : `连续 ${n} 天未登录`;
  return '';
}
