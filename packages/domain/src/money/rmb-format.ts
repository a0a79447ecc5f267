import { fenOf, type RmbAmount } from './rmb-amount.ts';
import { toRmbUppercase } from './rmb-uppercase.ts';

/** The amount in figures as zh-CN writes money: '¥12,345.60', always two decimals. */
export function formatRmb(amount: RmbAmount): string {
  const fen = fenOf(amount);
  const yuan = (fen / 100n).toString().replace(/\B(?=(\d{3})+$)/g, ',');
  const decimals = (fen % 100n).toString().padStart(2, '0');
  return `¥${yuan}.${decimals}`;
}

/** Both forms, as fines are written in 文书: '人民币叁万元整（¥30,000.00）'. */
export function formatRmbForDocument(amount: RmbAmount): string {
  return `人民币${toRmbUppercase(amount)}（${formatRmb(amount)}）`;
}
