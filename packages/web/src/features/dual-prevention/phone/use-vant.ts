import { watchEffect } from 'vue';
import { useI18n } from 'vue-i18n';
import { Locale } from 'vant';
import enUS from 'vant/es/locale/lang/en-US';
import zhCN from 'vant/es/locale/lang/zh-CN';
import 'vant/lib/index.css';

/** Vant's own texts (pickers, dialogs) follow the UI language; its styles load with the phone pages. */
export function useVantLocale(): void {
  const { locale } = useI18n();
  watchEffect(() => {
    if (locale.value === 'en') Locale.use('en-US', enUS);
    else Locale.use('zh-CN', zhCN);
  });
}
