import {
  DomainError,
  chinaHolidayCalendar,
  createCreditCandidate,
  creditListRulesOf,
  creditListingActionRoles,
  creditListingActionStatuses,
  creditListingActions,
  creditListingDeadlines,
  creditListingGrounds,
  creditListingStatusNames,
  defaultCreditListSettings,
  isCreditListedAt,
  transitionCreditListing,
  type CreditCandidateInput,
  type CreditListSettings,
  type CreditListingAction,
  type CreditListingActionName,
  type CreditListingRole,
  type CreditListingStatus,
} from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Db, type Queryable } from '../../platform/db.ts';
import type { CasesRepository } from './cases.repository.ts';
import { deadlineView } from './enforcement-deadlines.ts';
import {
  enforcementSettingKeys,
  type EnforcementSettingsRepository,
} from './enforcement-settings.repository.ts';
import { isBureauOfficer } from './enforcement-scope.ts';
import type { CreditRepository, ListingRow } from './credit.repository.ts';

const onList: readonly CreditListingStatus[] = ['listed', 'published', 'repair_pending'];

/** The role the caller acts in: officers decide (head) where the step allows it, others handle. */
function roleFor(auth: AuthContext, allowed: readonly CreditListingRole[]): CreditListingRole {
  return isBureauOfficer(auth) && allowed.includes('head') ? 'head' : 'handler';
}

const groundNames = (grounds: readonly string[]) =>
  grounds.map((code) => {
    const ground = creditListingGrounds.find((g) => g.code === code);
    return { code, zh: ground?.zh ?? code, en: ground?.en ?? code };
  });

/**
 * The serious-dishonesty list (失信): candidates from penalty decisions, notice, objections,
 * listing, publication, expiry after the term (3 years unless the bureau sets another) or repair.
 */
export function createCreditService(deps: {
  db: Db;
  clock: Clock;
  listings: CreditRepository;
  cases: CasesRepository;
  settings: EnforcementSettingsRepository;
}) {
  const { db, clock, listings } = deps;

  async function settings(): Promise<CreditListSettings> {
    return (
      (await deps.settings.get<CreditListSettings>(enforcementSettingKeys.creditRules)) ??
      defaultCreditListSettings
    );
  }
  const rules = async () => creditListRulesOf(await settings());

  /** Moves every listing whose term is over to `expired` (the system acts, as the deadline worker). */
  async function sweepExpired(): Promise<void> {
    const now = clock.now();
    const context = { now, calendar: chinaHolidayCalendar, rules: await rules() };
    const due = (await listings.inStatuses(onList)).filter((l) => !isCreditListedAt(l.state, context));
    for (const listing of due) {
      await inTransaction(db, async (tx) => {
        const locked = await listings.find(listing.id, null, tx, true);
        if (!locked || !onList.includes(locked.status)) return;
        const step = transitionCreditListing(
          locked.state,
          { action: 'expire' },
          { ...context, actor: { role: 'system', id: 'system' } },
        );
        if (step.ok) await listings.saveState(tx, locked.id, step.state, now);
      });
    }
  }

  async function present(auth: AuthContext, l: ListingRow) {
    const now = clock.now();
    const ruleSet = await rules();
    const deadlines = creditListingDeadlines(l.state, {
      now,
      calendar: chinaHolidayCalendar,
      rules: ruleSet,
    });
    return {
      id: l.id,
      enterpriseId: l.enterpriseId,
      enterpriseName: l.enterpriseName,
      creditCode: l.creditCode,
      county: l.county,
      caseId: l.caseId,
      status: l.status,
      statusName: creditListingStatusNames[l.status],
      grounds: groundNames(l.state.grounds),
      listed: isCreditListedAt(l.state, { now, calendar: chinaHolidayCalendar, rules: ruleSet }),
      state: l.state,
      deadlines: deadlines.map(deadlineView),
      actions: creditListingActions.filter(
        (name) =>
          creditListingActionStatuses[name].includes(l.status) &&
          creditListingActionRoles[name].includes(roleFor(auth, creditListingActionRoles[name])),
      ),
      createdAt: l.createdAt.toISOString(),
      updatedAt: l.updatedAt.toISOString(),
    };
  }

  async function visible(auth: AuthContext, id: string, source: Queryable = db, lock = false) {
    const listing = await listings.find(id, auth.scope, source, lock);
    if (!listing) throw new DomainError('credit.listing_not_found');
    return listing;
  }

  /**
   * A candidate for the case's enterprise, in the caller's transaction. Refuses a second open
   * listing for one case and grounds none of which is listable.
   */
  async function addCandidate(
    tx: Queryable,
    c: { caseId: string; enterpriseId: string; county: string; grounds: readonly string[] },
    actor: { role: CreditListingRole; id: string },
  ): Promise<string> {
    if (await listings.openForCase(tx, c.caseId)) throw new DomainError('credit.listing_exists');
    const now = clock.now();
    const created = createCreditCandidate(
      { enterpriseId: c.enterpriseId, penaltyCaseId: c.caseId, grounds: c.grounds },
      { now, actor, calendar: chinaHolidayCalendar, rules: await rules() },
    );
    if (!created.ok) throw created.error;
    return listings.insert(tx, { county: c.county, caseId: c.caseId, state: created.state, at: now });
  }

  return {
    addCandidate,
    sweepExpired,
    listingIdsForCase: (caseId: string) => listings.idsForCase(caseId),
    settings,

    /** Grounds that make a decision a candidate; anything else is refused before the decision. */
    listableGrounds: async () => (await rules()).listableGrounds,

    async list(
      auth: AuthContext,
      filter: { status?: CreditListingStatus; enterpriseId?: string; caseId?: string },
      page: { page: number; pageSize: number },
    ) {
      await sweepExpired();
      const found = await listings.list(auth.scope, filter, page);
      return { ...found, items: await Promise.all(found.items.map((l) => present(auth, l))) };
    },

    async get(auth: AuthContext, id: string) {
      await sweepExpired();
      return present(auth, await visible(auth, id));
    },

    /** A candidate from a decided penalty case, by a handler (decisions with grounds make one themselves). */
    async create(auth: AuthContext, input: CreditCandidateInput) {
      const id = await inTransaction(db, async (tx) => {
        const penaltyCase = await deps.cases.find(input.penaltyCaseId, auth.scope, tx, true);
        if (!penaltyCase) throw new DomainError('enforcement.case_not_found');
        if (penaltyCase.enterpriseId !== input.enterpriseId) throw new DomainError('credit.case_mismatch');
        if (penaltyCase.state.decision?.outcome !== 'penalty')
          throw new DomainError('credit.case_not_decided');
        return addCandidate(
          tx,
          {
            caseId: penaltyCase.id,
            enterpriseId: penaltyCase.enterpriseId,
            county: penaltyCase.county,
            grounds: input.grounds,
          },
          { role: roleFor(auth, ['handler']), id: auth.userId },
        );
      });
      return present(auth, (await listings.find(id, null))!);
    },

    async act(auth: AuthContext, id: string, action: CreditListingAction) {
      await inTransaction(db, async (tx) => {
        const listing = await visible(auth, id, tx, true);
        const now = clock.now();
        const role = roleFor(auth, creditListingActionRoles[action.action as CreditListingActionName]);
        const step = transitionCreditListing(listing.state, action, {
          now,
          actor: { role, id: auth.userId },
          calendar: chinaHolidayCalendar,
          rules: await rules(),
        });
        if (!step.ok) throw step.error;
        await listings.saveState(tx, id, step.state, now);
      });
      return present(auth, (await listings.find(id, null))!);
    },

    async saveSettings(auth: AuthContext, input: CreditListSettings) {
      if (!isBureauOfficer(auth) || auth.scope.kind !== 'city') throw new DomainError('auth.forbidden');
      await deps.settings.put(enforcementSettingKeys.creditRules, input);
      return settings();
    },

    /** Enterprises on the list at `now`: the credit factor of risk-weighted draws. */
    async listedEnterpriseIds(now: Date): Promise<Set<string>> {
      const context = { now, calendar: chinaHolidayCalendar, rules: await rules() };
      return new Set(
        (await listings.inStatuses(onList))
          .filter((l) => isCreditListedAt(l.state, context))
          .map((l) => l.enterpriseId),
      );
    },

    /** The public list: published listings (and those awaiting a repair decision) within their term. */
    async publicList() {
      const now = clock.now();
      const context = { now, calendar: chinaHolidayCalendar, rules: await rules() };
      return (await listings.inStatuses(['published', 'repair_pending']))
        .filter((l) => isCreditListedAt(l.state, context))
        .map((l) => ({
          id: l.id,
          enterpriseName: l.enterpriseName,
          creditCode: l.creditCode,
          county: l.county,
          grounds: l.state.grounds,
          groundNames: groundNames(l.state.grounds).map((g) => g.zh),
          listedOn: l.state.listedOn ?? null,
          publishedOn: l.state.publishedOn ?? null,
          documentNo: l.state.documentNo ?? null,
          expiresOn: creditListingDeadlines(l.state, context).find((d) => d.kind === 'term')?.dueDate ?? null,
        }));
    },
  };
}

export type CreditService = ReturnType<typeof createCreditService>;
