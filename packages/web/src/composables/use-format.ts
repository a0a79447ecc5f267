import { useI18n } from 'vue-i18n';
import type { DataScope, Role } from '@anjian/domain';
import type { Locale } from '../i18n/index.ts';
import { countyName, describeScope, formatDateTime, parseScopeLine, roleName } from '../lib/format.ts';

/** The formatting helpers of lib/format.ts bound to the current UI language. */
export function useFormat() {
  const { t, locale } = useI18n();
  const lang = () => locale.value as Locale;
  const scopeText = (scope: DataScope) =>
    describeScope(scope, lang(), {
      city: t('scope.city'),
      enterprise: (id, county) => t('scope.enterprise', { id, county }),
      enterpriseOnly: (id) => t('scope.enterpriseOnly', { id }),
      separator: t('scope.separator'),
    });

  return {
    dateTime: formatDateTime,
    county: (code: string) => countyName(code, lang()),
    scope: scopeText,
    /** The audit log's one-line scope (`city`, `county:530403`, `enterprise:<id>`, `public`) in words. */
    auditScope: (text: string) => {
      if (text === 'public') return t('audit.anonymous');
      const scope = parseScopeLine(text);
      return scope ? scopeText(scope) : text;
    },
    role: (code: string, known?: readonly Role[]) => roleName(code, lang(), known),
    /** A name from a bilingual record ({nameZh, nameEn} or {zh, en}). */
    bilingual: (zh: string, en: string) => (lang() === 'en' ? en : zh),
  };
}
