import { fenOf, type RmbAmount } from './rmb-amount.ts';

/*
 * 中文大写金额 as written in 文书 and on bills, following 中国人民银行《正确填写票据和结算凭证的基本规定》
 * where it fixes the form, and one documented choice where it allows two:
 * - 拾 keeps its digit: 10 → 壹拾元整.
 * - A run of zeros between two non-zero digits of the yuan part is written as one 零, including across
 *   万 and 亿: 10005 → 壹万零伍元整, 107000 → 壹拾万零柒仟元, 100005000 → 壹亿零伍仟元整.
 * - No 零 between 元 and 角 (1680.32 → 壹仟陆佰捌拾元叁角贰分; the rules allow it either way), but 零 after
 *   元 when 角 is zero and 分 is not (325.04 → 叁佰贰拾伍元零肆分; the rules require it).
 * - 整 only when there are no 角 and no 分 (30000 → 叁万元整); none after 角 or 分
 *   (12345.60 → 壹万贰仟叁佰肆拾伍元陆角). 0 → 零元整; below one yuan there is no 元 (0.05 → 伍分).
 */

const numerals = '零壹贰叁肆伍陆柒捌玖';
const placeUnits = ['', '拾', '佰', '仟'];
const sectionUnits = ['', '万', '亿'];

function numeral(digit: string): string {
  return numerals.charAt(Number(digit));
}

/** Yuan digits (no leading zeros, at most 12) in 大写, without 元. */
function yuanText(yuan: string): string {
  let text = '';
  let zeroPending = false;
  let sectionHasDigit = false;
  for (let i = 0; i < yuan.length; i += 1) {
    const place = yuan.length - 1 - i;
    const digit = yuan.charAt(i);
    if (digit === '0') {
      zeroPending = text !== '';
    } else {
      text += `${zeroPending ? '零' : ''}${numeral(digit)}${placeUnits[place % 4] ?? ''}`;
      zeroPending = false;
      sectionHasDigit = true;
    }
    if (place % 4 === 0) {
      if (sectionHasDigit) text += sectionUnits[place / 4] ?? '';
      sectionHasDigit = false;
    }
  }
  return text;
}

/** The amount in 中文大写, e.g. '12345.60' → 壹万贰仟叁佰肆拾伍元陆角. Throws MoneyAmountError. */
export function toRmbUppercase(amount: RmbAmount): string {
  const fen = fenOf(amount);
  const yuan = (fen / 100n).toString();
  const jiao = ((fen / 10n) % 10n).toString();
  const cents = (fen % 10n).toString();
  if (fen === 0n) return '零元整';
  const yuanPart = yuan === '0' ? '' : `${yuanText(yuan)}元`;
  if (jiao === '0' && cents === '0') return `${yuanPart}整`;
  const jiaoPart = jiao !== '0' ? `${numeral(jiao)}角` : yuanPart !== '' ? '零' : '';
  const centsPart = cents !== '0' ? `${numeral(cents)}分` : '';
  return `${yuanPart}${jiaoPart}${centsPart}`;
}
