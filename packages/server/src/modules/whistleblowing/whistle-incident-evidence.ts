import {
  DomainError,
  chinaDate,
  proposeWhistleReward,
  whistleRewardRulesOn,
  yuanText,
  type WhistleIncidentOption,
  type WhistleReward,
} from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import type { Queryable } from '../../platform/db.ts';
import type { AccidentFacts, AccidentFactsPort } from '../emergency/index.ts';
import type { WhistleIncidentLinksRepository } from './whistle-incident-links.repository.ts';
import type { WhistleRecord } from './whistle-reports.repository.ts';

const optionOf = (accident: AccidentFacts): WhistleIncidentOption => ({
  id: accident.id,
  occurredOn: chinaDate(accident.occurredAt),
  county: accident.county,
  location: accident.location,
  enterpriseName: accident.enterpriseName,
  deaths: accident.deaths,
  accidentClass: accident.level,
});

/**
 * The reward proposed for a verified report. A concealed accident linked to an incident takes the
 * class and deaths the incident counts today (安监总财〔2018〕19号 Art. 12: per concealed death, by
 * class); otherwise the figures typed at verification.
 */
export function whistleProposal(report: WhistleRecord, incident: WhistleIncidentOption | null) {
  return proposeWhistleReward(
    {
      category: report.category,
      outcome: report.outcome ?? 'untrue',
      fineYuan: report.fineYuan,
      deaths: incident?.deaths ?? report.deaths,
      accidentClass: incident?.accidentClass ?? report.accidentClass,
    },
    whistleRewardRulesOn(report.decidedOn ?? report.receivedOn),
  );
}

/**
 * A proposal nobody has approved yet follows the incident (a death reported within the statutory
 * recount window changes it); from the first approval on, the amount stands as approved.
 */
export function liveRewardAmount(
  report: WhistleRecord,
  incident: WhistleIncidentOption | null,
): { amountYuan: string; basis: WhistleReward['basis'] } | null {
  const reward = report.reward;
  if (!incident || !reward || reward.status !== 'proposed' || reward.approvers.length > 0) return null;
  const proposal = whistleProposal(report, incident);
  return proposal.ok ? { amountYuan: yuanText(proposal.amountFen), basis: proposal.basis } : null;
}

/** The incident a concealed-accident report uncovered, through the emergency module's port. */
export function createWhistleIncidentEvidence(deps: {
  incidents: AccidentFactsPort;
  links: WhistleIncidentLinksRepository;
}) {
  const { incidents, links } = deps;
  return {
    /** The verify step's picker: accidents in the caller's scope, newest first. */
    async options(auth: AuthContext): Promise<WhistleIncidentOption[]> {
      return (await incidents.accidents(auth.scope)).map(optionOf);
    },

    /** The incident a verification names: of a concealed-accident report, in the caller's scope. */
    async forVerification(
      auth: AuthContext,
      report: WhistleRecord,
      incidentId: string | undefined,
    ): Promise<WhistleIncidentOption | null> {
      if (!incidentId) return null;
      if (report.category !== 'concealed_accident')
        throw new DomainError('whistle.incident_not_for_category');
      const accident = await incidents.accident(auth.scope, incidentId);
      if (!accident) throw new DomainError('whistle.incident_not_found');
      return optionOf(accident);
    },

    /** The linked incident as the caller may see it today (null: none linked, or outside scope). */
    async linked(auth: AuthContext, reportId: string, source?: Queryable) {
      const id = await links.incidentOf(reportId, source);
      const accident = id ? await incidents.accident(auth.scope, id) : null;
      return accident ? optionOf(accident) : null;
    },

    /**
     * Brings the stored amount of every unapproved proposal linked to an incident (of `reportIds`, or
     * all) to the incident's figures today, so the ledger and the reporter's page show the amount the
     * drawer shows. Read with the city's scope: the amount must not depend on who looks. Answers
     * whether any amount changed.
     */
    async refreshUnapproved(
      load: (reportId: string) => Promise<WhistleRecord | null>,
      reportIds: string[] | null = null,
    ): Promise<boolean> {
      let changed = false;
      for (const link of await links.unapproved(reportIds)) {
        const [report, accident] = await Promise.all([
          load(link.reportId),
          incidents.accident({ kind: 'city' }, link.incidentId),
        ]);
        const live = report && accident ? liveRewardAmount(report, optionOf(accident)) : null;
        if (!live || live.amountYuan === report!.reward!.amountYuan) continue;
        await links.refreshProposed(undefined, link.reportId, live);
        changed = true;
      }
      return changed;
    },

    link: links.link,
    refreshProposed: links.refreshProposed,
  };
}

export type WhistleIncidentEvidence = ReturnType<typeof createWhistleIncidentEvidence>;
