import {
  DomainError,
  checkDiscretionTable,
  circumstanceNames,
  defaultDiscretionTable,
  suggestPenalty,
  type DiscretionTable,
  type PenaltySuggestionQuery,
} from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import {
  enforcementSettingKeys,
  type EnforcementSettingsRepository,
} from './enforcement-settings.repository.ts';
import { isBureauOfficer } from './enforcement-scope.ts';

/**
 * Discretion standards (自由裁量基准): the table the bureau adopted (the domain's example until it
 * saves its own) and the amount range it suggests for a violation and its circumstances.
 */
export function createDiscretionService(deps: { settings: EnforcementSettingsRepository }) {
  const { settings } = deps;

  async function table(): Promise<{ table: DiscretionTable; isDefault: boolean }> {
    const saved = await settings.get<DiscretionTable>(enforcementSettingKeys.discretionTable);
    return saved ? { table: saved, isDefault: false } : { table: defaultDiscretionTable, isDefault: true };
  }

  return {
    table,

    async suggest(query: PenaltySuggestionQuery) {
      const suggestion = suggestPenalty(query, (await table()).table);
      return {
        ...suggestion,
        circumstances: query.circumstances.map((code) => ({ code, ...circumstanceNames[code] })),
      };
    },

    /** The city bureau adopts the table for the whole city (县区 apply it, they do not change it). */
    async saveTable(auth: AuthContext, input: DiscretionTable) {
      if (!isBureauOfficer(auth) || auth.scope.kind !== 'city') throw new DomainError('auth.forbidden');
      await settings.put(enforcementSettingKeys.discretionTable, checkDiscretionTable(input));
      return table();
    },
  };
}

export type DiscretionService = ReturnType<typeof createDiscretionService>;
