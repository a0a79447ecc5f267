import { checkCreditCode } from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import type { Queryable } from '../../platform/db.ts';
import { scopeAllows } from '../../platform/scope-sql.ts';
import type { ImportColumn } from './obligations-import.ts';
import type { ImportEnterprise, RegisterImportRepository } from './register-import.repository.ts';

/**
 * How the licence and 三同时 imports find a row's enterprise: by its 统一社会信用代码 when the row
 * gives one (the name is then only read), otherwise by its exact registered name — which must name
 * one enterprise in the caller's scope. An enterprise outside the scope gets the same answer as
 * one not registered, so a row reveals nothing.
 */
export interface EnterpriseRef {
  creditCode: string | null;
  name: string | null;
}

export const enterpriseColumns = (nameHeader: string): ImportColumn<'creditCode' | 'enterpriseName'>[] => [
  {
    key: 'creditCode',
    header: '统一社会信用代码',
    en: 'Credit code',
    required: false,
    example: '91530402MA6K000000',
    width: 22,
    asText: true,
    note: '企业的 18 位统一社会信用代码（校验 GB 32100）；填写时按代码匹配企业，名称仅供核对',
  },
  {
    key: 'enterpriseName',
    header: nameHeader,
    en: 'Enterprise',
    required: false,
    example: '示例：红塔区某某化工有限公司',
    width: 30,
    note: '未填统一社会信用代码时按企业名录中的名称（须完全一致且本人数据范围内只有一家）匹配',
  },
];

/** The row's enterprise reference; problems go to `fail` in the caller's language. */
export function readEnterpriseRef(
  codeText: string,
  nameText: string,
  fail: (zh: string, en: string) => void,
): EnterpriseRef {
  if (!codeText && !nameText) {
    fail('统一社会信用代码和企业名称至少填写一项', 'Give the credit code or the enterprise name');
    return { creditCode: null, name: null };
  }
  if (!codeText) return { creditCode: null, name: nameText };
  const code = checkCreditCode(codeText);
  if (!code.valid) fail(`统一社会信用代码不正确：${codeText}`, `Not a valid credit code: ${codeText}`);
  return { creditCode: code.valid ? code.normalized : null, name: nameText || null };
}

export type EnterpriseMatch =
  { enterprise: ImportEnterprise; problem: null } | { enterprise: null; problem: string };

/** Loads every enterprise the rows name at once and answers each row's match. */
export async function enterpriseMatcher(
  repository: RegisterImportRepository,
  tx: Queryable,
  auth: AuthContext,
  refs: readonly EnterpriseRef[],
  say: (zh: string, en: string) => string,
): Promise<(ref: EnterpriseRef) => EnterpriseMatch> {
  const codes = [...new Set(refs.flatMap((r) => (r.creditCode ? [r.creditCode] : [])))];
  const names = [...new Set(refs.flatMap((r) => (!r.creditCode && r.name ? [r.name] : [])))];
  const found = await repository.enterprisesNamed(tx, codes, names);
  const visible = found.filter((e) => scopeAllows(auth.scope, e.county, e.id));
  return (ref) => {
    if (ref.creditCode) {
      const enterprise = visible.find((e) => e.creditCode === ref.creditCode);
      if (enterprise) return { enterprise, problem: null };
      return {
        enterprise: null,
        problem: say(
          `企业名录中没有该统一社会信用代码的企业，或不在本人数据范围内：${ref.creditCode}`,
          `No enterprise with this credit code in the register within your scope: ${ref.creditCode}`,
        ),
      };
    }
    const named = visible.filter((e) => e.name === ref.name);
    if (named.length === 1) return { enterprise: named[0]!, problem: null };
    if (named.length > 1)
      return {
        enterprise: null,
        problem: say(
          `本人数据范围内有 ${named.length} 家企业名为“${ref.name}”，请填写统一社会信用代码`,
          `${named.length} enterprises in your scope are named “${ref.name}”; give the credit code`,
        ),
      };
    return {
      enterprise: null,
      problem: say(
        `企业名录中没有名为“${ref.name}”的企业，或不在本人数据范围内`,
        `No enterprise named “${ref.name}” in the register within your scope`,
      ),
    };
  };
}
