import { normaliseCasNumber } from '../../major-hazards/substance-lookup.ts';
import { consequenceChemicals, type ConsequenceChemical } from './consequence-chemicals.ts';
import { ConsequenceError } from './consequence.errors.ts';

/**
 * Finds a chemical of the consequence data table by its key (`chlorine`), Chinese or English name or
 * alias (氯, 液氯, Chlorine, LPG) or CAS number (7782-50-5, also full-width or without dashes).
 * Names are compared after NFKC normalisation, without spaces and case.
 */
function normaliseName(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

function buildIndex(): Map<string, ConsequenceChemical> {
  const index = new Map<string, ConsequenceChemical>();
  for (const chemical of consequenceChemicals) {
    const keys = [chemical.key, chemical.nameZh, chemical.nameEn, ...chemical.aliases, ...chemical.cas];
    for (const key of keys) index.set(normaliseName(key), chemical);
  }
  return index;
}

const index = buildIndex();

/** The chemical, or undefined when the table does not hold it. */
export function findConsequenceChemical(query: string): ConsequenceChemical | undefined {
  const cas = normaliseCasNumber(query);
  return index.get(normaliseName(cas ?? query));
}

/** The chemical; throws `calc.consequence_unknown_chemical` when the table does not hold it. */
export function requireConsequenceChemical(query: string): ConsequenceChemical {
  const chemical = findConsequenceChemical(query);
  if (chemical === undefined) {
    throw new ConsequenceError('calc.consequence_unknown_chemical', {
      fields: [{ path: 'chemical', code: 'calc.consequence_unknown_chemical', message: 'not in the table' }],
      details: { chemical: query },
    });
  }
  return chemical;
}
