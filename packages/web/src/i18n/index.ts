import { computed } from 'vue';
import { createI18n } from 'vue-i18n';
import elementEn from 'element-plus/es/locale/lang/en.mjs';
import elementZhCn from 'element-plus/es/locale/lang/zh-cn.mjs';
import { en } from './en.ts';
import { zhCN, type Messages } from './zh-cn.ts';

export type Locale = 'zh-CN' | 'en';

export const locales: readonly { code: Locale; labelKey: 'lang.zhCN' | 'lang.en' }[] = [
  { code: 'zh-CN', labelKey: 'lang.zhCN' },
  { code: 'en', labelKey: 'lang.en' },
];

// Only the language preference is kept in the browser; no tokens and no personal data.
const STORAGE_KEY = 'anjian.locale';

function storedLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export const i18n = createI18n<[Messages], Locale, false>({
  legacy: false,
  locale: storedLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en: en as Messages },
});

export function currentLocale(): Locale {
  return i18n.global.locale.value;
}

export function translate(key: string, named?: Record<string, unknown>): string {
  return named ? i18n.global.t(key, named) : i18n.global.t(key);
}

function applyDocumentLanguage(locale: Locale): void {
  document.documentElement.lang = locale;
  document.title = i18n.global.t('app.title');
}

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale;
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  applyDocumentLanguage(locale);
}

applyDocumentLanguage(currentLocale());

/** Element Plus's own texts (pagination, date pickers, dialogs) follow the UI language. */
export const elementLocale = computed(() => (i18n.global.locale.value === 'en' ? elementEn : elementZhCn));
