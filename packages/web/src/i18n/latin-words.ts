/**
 * The Chinese UI shows no English: Latin words in zh-CN text are found here and checked against an
 * allow-list of what a Chinese bureau user reads as Chinese text too — units, standard and product
 * codes, file formats, the field names of file formats they prepare. Used by the message-bundle test
 * and by the e2e page scan.
 */

/** Words allowed everywhere in the Chinese UI. */
export const allowedLatinWords: ReadonlySet<string> = new Set([
  // units
  'm',
  'km',
  'kg',
  'g',
  't',
  's',
  'h',
  'min',
  'ms',
  'Pa',
  'kPa',
  'MPa',
  'kW',
  'MW',
  'MJ',
  'ppm',
  'mg',
  'KB',
  'MB',
  'mA',
  'V',
  'Hz',
  'pH',
  'LEL',
  'UEL',
  'vol',
  // standards, regulations and codes users type or read on paper forms
  'GB',
  'T',
  'AQ',
  'GBZ',
  'HG',
  'SH',
  'LEC',
  'LS',
  'CAP',
  'SM2',
  'SM3',
  'SM4',
  'TOTP',
  'AEGL',
  'ERPG',
  'IDLH',
  'TNT',
  'CAS',
  'GHS',
  'WGS-84',
  'GCJ-02',
  'CGCS2000',
  'DCS',
  'SIS',
  'GDS',
  'QR',
  // file formats and products
  'Excel',
  'xlsx',
  'DOCX',
  'Word',
  'PDF',
  'JPG',
  'JPEG',
  'PNG',
  'WebP',
  'MP4',
  'MOV',
  'CSV',
  'JSON',
  'GeoJSON',
  'Microsoft',
  'Google',
  'Authenticator',
  'Leaflet',
  // identifiers and protocols named in instructions
  'ID',
  'UUID',
  'IP',
  'URL',
  'HTTP',
  'HTTPS',
  'POST',
  'MQTT',
  'TLS',
  'API',
  // authors and bodies that name the consequence models' formulas and curves
  'Thomas',
  'Briggs',
  'Pasquill',
  'Gifford',
  'Burgess',
  'Hymes',
  'Kingery',
  'Bulmash',
  'Kinney',
  'Graham',
  'Crowl',
  'Eisenberg',
  'Tsao',
  'Perry',
  'Lees',
  'TNO',
  'CCPS',
  'ALOHA',
  'EPA',
  'RMP',
  'ERG',
  // process alarm levels (high-high … low-low)
  'HH',
  'LL',
  // date patterns
  'YYYY',
  'MM',
  'DD',
  'HH',
  // the language switcher names English in English
  'English',
]);

/** Per-message exceptions: field names of a file or API format the message explains. */
export const allowedLatinWordsIn: Readonly<Record<string, readonly string[]>> = {
  'boundaries.fileHint': ['FeatureCollection', 'properties', 'code', 'adcode', 'Polygon', 'MultiPolygon'],
  'boundaries.fileProblems.not_collection': ['FeatureCollection'],
  'boundaries.problems.no_code': ['code', 'adcode'],
  'boundaries.problems.not_area': ['Polygon', 'MultiPolygon'],
  'monitoring.rules.idHint': ['liquid_level.h.duration'],
  'monitoring.points.schemes.process': ['HH', 'H', 'L', 'LL'],
  'monitoring.tokens.intro': ['telemetry'],
  'error:telemetry.invalid_reading': ['point', 'ts', 'value'],
  'error:telemetry.busy': ['Retry-After'],
  'error:request.unsupported_media_type': [],
  // The backup CLI's messages to the operator name the directory, file and tools they must act on.
  'error:backup.field_key_missing': ['DATA_DIR', 'field-encryption.key'],
  'error:backup.target_not_empty': ['DATA_DIR'],
  'error:backup.needs_superuser': ['pg_dump', 'pg_restore'],
  'error:backup.pg_dump_unavailable': ['PATH', 'pg_dump', 'pg-dump'],
  // Item 12 of issue 11 (the audit log in people's language) replaces the action-code filter.
  'audit.actionPlaceholder': ['auth.login'],
};

// Placeholders, API paths, MIME types and e-mail addresses are not words.
const notWords = [
  /\{[^}]*\}/g,
  /@:[\w.]+/g,
  /(?:\/[\w.-]+){2,}/g,
  /\b[a-z]+\/[a-z.+-]+\b/g,
  /[\w.+-]+@[\w.-]+/g,
  // A whistle report's 查询码 and a real-name reporter's pseudonym: random Crockford base32 that staff
  // read back to the reporter, not words.
  /\b[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}\b/g,
  /举报人 [0-9A-HJKMNP-TV-Z]{4}(?![\w-])/g,
];
const wordPattern = /[A-Za-z][A-Za-z0-9_]*(?:[-.'][A-Za-z0-9_]+)*/g;
/**
 * A code, not a word: a single letter (a class A–F, a variable q or R), a letter or three with digits
 * (C2614, SM4, v1), or capitals with a number (checklist items GEN-01, certificate numbers DEMO1).
 */
const codeLike = /^(?:[A-Za-z]|[A-Za-z]{1,3}\d[\w-]*|[A-Z]{2,6}-?\d[\w-]*)$/;

/** Latin words of `text` that are not allowed, in order of appearance, each once. */
export function disallowedLatinWords(text: string, extra: readonly string[] = []): string[] {
  let rest = text;
  for (const pattern of notWords) rest = rest.replace(pattern, ' ');
  const found = new Set<string>();
  for (const word of rest.match(wordPattern) ?? []) {
    if (allowedLatinWords.has(word) || extra.includes(word) || codeLike.test(word)) continue;
    if (word.split('-').every((p) => allowedLatinWords.has(p) || codeLike.test(p) || /^\d+$/.test(p)))
      continue;
    found.add(word);
  }
  return [...found];
}
