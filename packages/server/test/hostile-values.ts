/**
 * One corpus of hostile field values for the registry: the enterprise API (create and update), the
 * Excel import and the regulated objects all meet the same values (issue 11 item 1). Emoji and lone
 * surrogates are covered by the text-robustness suite, so they are not repeated here.
 */
export const hostileValues: readonly unknown[] = [
  '',
  '   ',
  '\t\n',
  'x'.repeat(10_000),
  '中'.repeat(10_000),
  '２６１４', // full-width digits
  '１２３',
  '0',
  '-1',
  'NaN',
  'Infinity',
  '1e309',
  '2614',
  'Z9999',
  'C9999',
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  'not-a-date',
  '99999-01-01',
  'unknown_code_xyz',
  'hazchem_production_x',
  "'; DROP TABLE enterprises; --",
  '<script>alert(1)</script>',
  -1,
  0,
  1.5,
  -1e308,
  1e308,
  Number.MAX_SAFE_INTEGER + 2,
  true,
  false,
  null,
  [],
  ['unknown_code_xyz'],
  [null],
  {},
  { lon: 'x', lat: null },
  { lon: 1e308, lat: -1e308 },
];

/** Values as an Excel cell can hold them: text, numbers, booleans and dates. */
export const hostileCells: readonly (string | number | boolean | Date)[] = [
  ...hostileValues.filter(
    (value): value is string | number | boolean =>
      ['string', 'number', 'boolean'].includes(typeof value) && value !== '' && String(value).trim() !== '',
  ),
  new Date('2026-02-28T00:00:00Z'),
];

/** Lower-case English words in a message that should be Chinese (codes and formats are upper case). */
export const englishWord = /\b[a-z]{3,}\b/;
