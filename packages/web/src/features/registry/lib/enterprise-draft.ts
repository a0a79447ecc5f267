import {
  enterpriseInputSchema,
  enterpriseUpdateSchema,
  type Enterprise,
  type EnterpriseInput,
  type EnterpriseUpdate,
} from '@anjian/domain';

export type EnterpriseScale = NonNullable<Enterprise['scale']>;
export type EnterpriseStatus = Enterprise['status'];
export type ContactKey = 'legalRepresentative' | 'principal' | 'safetyManager';
export const contactKeys: readonly ContactKey[] = ['legalRepresentative', 'principal', 'safetyManager'];

export interface ContactDraft {
  name: string;
  phone: string;
  /** The phone as the server showed it when it is masked (138****5678): kept unless retyped. */
  maskedPhone: string | null;
}

export interface LicenceDraft {
  type: string;
  number: string;
  /** YYYY-MM-DD */
  validUntil: string;
}

/** What the enterprise form edits: every field as the inputs hold it (empty string = not given). */
export interface EnterpriseDraft {
  name: string;
  creditCode: string;
  county: string;
  township: string;
  address: string;
  lon: number | null;
  lat: number | null;
  locationApproximate: boolean;
  industryCode: string;
  sectors: string[];
  scale: '' | EnterpriseScale;
  employees: number | null;
  legalRepresentative: ContactDraft;
  principal: ContactDraft;
  safetyManager: ContactDraft;
  licences: LicenceDraft[];
  status: EnterpriseStatus;
  keyTags: string[];
  responsibleDepartment: string;
}

/** A problem with one form field: `name`, `licences.0.number`, `principal.phone`, `location`. */
export interface DraftProblem {
  path: string;
  /** `invalid` (the schema refuses it), `cannot_clear`, `phone_reenter` or a credit-code problem code. */
  code: string;
}

export type DraftResult<T> = { ok: true; value: T } | { ok: false; problems: DraftProblem[] };

const emptyContact = (): ContactDraft => ({ name: '', phone: '', maskedPhone: null });

export function emptyDraft(county = ''): EnterpriseDraft {
  return {
    name: '',
    creditCode: '',
    county,
    township: '',
    address: '',
    lon: null,
    lat: null,
    locationApproximate: false,
    industryCode: '',
    sectors: [],
    scale: '',
    employees: null,
    legalRepresentative: emptyContact(),
    principal: emptyContact(),
    safetyManager: emptyContact(),
    licences: [],
    status: 'operating',
    keyTags: [],
    responsibleDepartment: '',
  };
}

export const isMaskedPhone = (phone: string | null | undefined): boolean => !!phone && phone.includes('*');

function contactDraft(contact: Enterprise['principal']): ContactDraft {
  if (!contact) return emptyContact();
  const masked = isMaskedPhone(contact.phone);
  return {
    name: contact.name,
    phone: masked ? '' : (contact.phone ?? ''),
    maskedPhone: masked ? contact.phone : null,
  };
}

export function draftFromEnterprise(enterprise: Enterprise): EnterpriseDraft {
  return {
    name: enterprise.name,
    creditCode: enterprise.creditCode,
    county: enterprise.county,
    township: enterprise.township ?? '',
    address: enterprise.address ?? '',
    lon: enterprise.location?.lon ?? null,
    lat: enterprise.location?.lat ?? null,
    locationApproximate: enterprise.locationApproximate,
    industryCode: enterprise.industryCode ?? '',
    sectors: [...enterprise.sectors],
    scale: enterprise.scale ?? '',
    employees: enterprise.employees,
    legalRepresentative: contactDraft(enterprise.legalRepresentative),
    principal: contactDraft(enterprise.principal),
    safetyManager: contactDraft(enterprise.safetyManager),
    licences: enterprise.licences.map(({ type, number, validUntil }) => ({ type, number, validUntil })),
    status: enterprise.status,
    keyTags: [...enterprise.keyTags],
    responsibleDepartment: enterprise.responsibleDepartment ?? '',
  };
}

function contactCandidate(contact: ContactDraft): { name: string; phone?: string } | undefined {
  const name = contact.name.trim();
  const phone = contact.phone.trim();
  if (!name && !phone) return undefined;
  return phone ? { name, phone } : { name };
}

/** The draft as a request body, leaving out what is empty; the schema then judges it. */
export function draftToCandidate(draft: EnterpriseDraft): Record<string, unknown> {
  const candidate: Record<string, unknown> = {
    name: draft.name.trim(),
    creditCode: draft.creditCode,
    county: draft.county,
    sectors: [...draft.sectors],
    licences: draft.licences.map((l) => ({
      type: l.type,
      number: l.number.trim(),
      validUntil: l.validUntil,
    })),
    status: draft.status,
    keyTags: [...draft.keyTags],
    locationApproximate: draft.locationApproximate,
  };
  if (draft.township) candidate.township = draft.township;
  if (draft.address.trim()) candidate.address = draft.address.trim();
  if (draft.lon !== null || draft.lat !== null) candidate.location = { lon: draft.lon, lat: draft.lat };
  if (draft.industryCode.trim()) candidate.industryCode = draft.industryCode.trim();
  if (draft.scale) candidate.scale = draft.scale;
  if (draft.employees !== null) candidate.employees = draft.employees;
  for (const key of contactKeys) {
    const contact = contactCandidate(draft[key]);
    if (contact) candidate[key] = contact;
  }
  if (draft.responsibleDepartment) candidate.responsibleDepartment = draft.responsibleDepartment;
  return candidate;
}

/** Schema issues as form-field problems; a location issue belongs to the location field as a whole. */
function problemsOf(issues: readonly { path: readonly PropertyKey[]; params?: unknown }[]): DraftProblem[] {
  return issues.map((issue) => {
    const path = issue.path.map(String);
    if (path[0] === 'location') return { path: 'location', code: 'invalid' };
    const problem = (issue.params as { problem?: string } | undefined)?.problem;
    return { path: path.join('.'), code: path[0] === 'creditCode' && problem ? problem : 'invalid' };
  });
}

/** A new enterprise: the whole draft through the shared input schema. */
export function draftToInput(draft: EnterpriseDraft): DraftResult<EnterpriseInput> {
  const parsed = enterpriseInputSchema.safeParse(draftToCandidate(draft));
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, problems: problemsOf(parsed.error.issues) };
}

const clearable: readonly (keyof EnterpriseDraft)[] = [
  'township',
  'address',
  'industryCode',
  'scale',
  'employees',
  'responsibleDepartment',
];

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * An edit: only the fields that changed, as PATCH takes them. PATCH cannot empty a field (an absent
 * field is left alone), and a masked phone is unknown to the editor, so emptying a field and renaming
 * a contact without retyping its masked phone are reported as problems rather than silently ignored.
 */
export function draftToUpdate(draft: EnterpriseDraft, original: Enterprise): DraftResult<EnterpriseUpdate> {
  const full = enterpriseInputSchema.safeParse(draftToCandidate(draft));
  const problems: DraftProblem[] = full.success ? [] : problemsOf(full.error.issues);
  const before = draftFromEnterprise(original);
  const candidate = draftToCandidate(draft);
  const changes: Record<string, unknown> = {};

  for (const key of ['name', 'creditCode', 'county', 'status', 'locationApproximate'] as const) {
    if (!same(draft[key], before[key])) changes[key] = candidate[key];
  }
  for (const key of ['sectors', 'keyTags', 'licences'] as const) {
    if (!same(candidate[key], draftToCandidate(before)[key])) changes[key] = candidate[key];
  }
  for (const key of clearable) {
    if (same(draft[key], before[key])) continue;
    if (candidate[key] === undefined) problems.push({ path: key, code: 'cannot_clear' });
    else changes[key] = candidate[key];
  }
  if (draft.lon !== before.lon || draft.lat !== before.lat) {
    if (candidate.location === undefined) problems.push({ path: 'location', code: 'cannot_clear' });
    else changes.location = candidate.location;
  }
  for (const key of contactKeys) {
    const now = draft[key];
    const was = before[key];
    const nameChanged = now.name.trim() !== was.name;
    const phoneTyped = now.phone.trim() !== was.phone;
    if (!nameChanged && !phoneTyped) continue;
    if (!now.name.trim() && !now.phone.trim()) {
      problems.push({ path: `${key}.name`, code: 'cannot_clear' });
    } else if (was.maskedPhone && !now.phone.trim()) {
      // Sending the contact without a phone would erase the phone the editor cannot see.
      problems.push({ path: `${key}.phone`, code: 'phone_reenter' });
    } else {
      changes[key] = candidate[key];
    }
  }
  if (problems.length > 0) return { ok: false, problems: dedupe(problems) };
  const parsed = enterpriseUpdateSchema.safeParse(changes);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, problems: problemsOf(parsed.error.issues) };
}

function dedupe(problems: DraftProblem[]): DraftProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => (seen.has(p.path) ? false : (seen.add(p.path), true)));
}
