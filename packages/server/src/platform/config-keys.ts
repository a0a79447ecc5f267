/** The variables that name the field keys (issue 19) and the whistleblowers' key (issue 16). */
export interface KeyVariables {
  DATABASE_URL?: string;
  FIELD_ENCRYPTION_KEY?: string;
  FIELD_ENCRYPTION_KEYS?: string;
  WHISTLEBLOWER_ENCRYPTION_KEY?: string;
}

/**
 * What is wrong with the configured keys, as `VARIABLE: message` lines (empty when nothing is):
 * one key or several, not both; each key id once; the whistleblowers' key differs from every field
 * key; a key is required with an external database (the database must not hold its own key).
 */
export function fieldKeyProblems(e: KeyVariables): string[] {
  if (e.FIELD_ENCRYPTION_KEY && e.FIELD_ENCRYPTION_KEYS) {
    return ['FIELD_ENCRYPTION_KEYS: set it or FIELD_ENCRYPTION_KEY, not both'];
  }
  const pairs = (e.FIELD_ENCRYPTION_KEYS ?? '').split(',').filter(Boolean);
  const ids = pairs.map((pair) => pair.split(':')[0]);
  if (new Set(ids).size !== ids.length) return ['FIELD_ENCRYPTION_KEYS: each key id may appear once'];
  const fieldKeys = [e.FIELD_ENCRYPTION_KEY, ...pairs.map((pair) => pair.split(':')[1])];
  const whistle = e.WHISTLEBLOWER_ENCRYPTION_KEY?.toLowerCase();
  if (whistle && fieldKeys.some((key) => key?.toLowerCase() === whistle)) {
    return ['WHISTLEBLOWER_ENCRYPTION_KEY: must differ from the field keys'];
  }
  if (e.DATABASE_URL && !e.FIELD_ENCRYPTION_KEY && !e.FIELD_ENCRYPTION_KEYS) {
    return [
      'FIELD_ENCRYPTION_KEY: required when DATABASE_URL is set (32 hex characters; keep it outside the database)',
    ];
  }
  return [];
}
