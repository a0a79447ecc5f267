import { DomainError, type DataScope } from '@anjian/domain';
import { scopeAllows } from '../../platform/scope-sql.ts';
import type { EnterpriseLookup } from '../registry/index.ts';

/**
 * Who an upload belongs to, checked against the caller's scope and against itself (issue 19,
 * defect 5): the county must be in the caller's scope, and a named enterprise must be one the
 * caller may see, in that county. An enterprise that does not exist, is out of scope or lies in
 * another county gets the same answer, so the check reveals nothing about other enterprises.
 */
export async function checkUploadOwner(
  scope: DataScope,
  owner: { county: string; enterpriseId: string | null },
  enterprises: EnterpriseLookup,
): Promise<void> {
  if (!scopeAllows(scope, owner.county, owner.enterpriseId))
    throw new DomainError('registry.scope_outside_caller');
  if (!owner.enterpriseId) return;
  const enterprise = await enterprises.findById(owner.enterpriseId, scope);
  if (!enterprise || enterprise.county !== owner.county) throw new DomainError('upload.owner_mismatch');
}
