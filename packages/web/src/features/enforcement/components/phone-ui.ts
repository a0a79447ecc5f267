/*
 * The Vant components of the inspector's phone pages, with their styles, imported once here so
 * that only the phone pages' chunk carries them (the desktop pages use Element Plus).
 */
import 'vant/es/style/base.css';
import 'vant/es/button/style/index.mjs';
import 'vant/es/cell/style/index.mjs';
import 'vant/es/cell-group/style/index.mjs';
import 'vant/es/empty/style/index.mjs';
import 'vant/es/field/style/index.mjs';
import 'vant/es/loading/style/index.mjs';
import 'vant/es/notice-bar/style/index.mjs';
import 'vant/es/radio/style/index.mjs';
import 'vant/es/radio-group/style/index.mjs';
import 'vant/es/tab/style/index.mjs';
import 'vant/es/tabs/style/index.mjs';
import 'vant/es/tag/style/index.mjs';

export {
  Button as VanButton,
  Cell as VanCell,
  CellGroup as VanCellGroup,
  Empty as VanEmpty,
  Field as VanField,
  Loading as VanLoading,
  NoticeBar as VanNoticeBar,
  Radio as VanRadio,
  RadioGroup as VanRadioGroup,
  Tab as VanTab,
  Tabs as VanTabs,
  Tag as VanTag,
} from 'vant';
