/** How each kind of code in the history reads in words (all supplied by the caller in the UI language). */
export interface HistoryLabels {
  county: (code: string) => string;
  township: (code: string) => string;
  sector: (code: string) => string;
  department: (code: string) => string;
  licenceType: (code: string) => string;
  keyTag: (code: string) => string;
  status: (code: string) => string;
  scale: (code: string) => string;
  yes: string;
  no: string;
  separator: string;
  /** A licence: type, number and expiry date. */
  licence: (type: string, number: string, validUntil: string) => string;
}

const list = (value: string, label: (code: string) => string, separator: string) =>
  value
    .split(',')
    .filter(Boolean)
    .map((code) => label(code))
    .join(separator);

/**
 * One value of the change history as a person reads it. The server records codes and plain
 * values (`hazchem_use,fireworks`, `safety_production:WH-1:2027-01-01;…`, `true`); this turns
 * them into labels. Unknown fields and codes show as recorded.
 */
export function historyValue(field: string, value: string | null, labels: HistoryLabels): string {
  if (value === null || value === '') return '—';
  switch (field) {
    case 'county':
      return labels.county(value);
    case 'township':
      return labels.township(value);
    case 'sectors':
      return list(value, labels.sector, labels.separator);
    case 'keyTags':
      return list(value, labels.keyTag, labels.separator);
    case 'responsibleDepartment':
      return labels.department(value);
    case 'status':
      return labels.status(value);
    case 'scale':
      return labels.scale(value);
    case 'locationApproximate':
      return value === 'true' ? labels.yes : value === 'false' ? labels.no : value;
    case 'licences':
      return value
        .split(';')
        .map((entry) => {
          // type:number:date; a number may itself hold a colon, so split at the first and the last.
          const first = entry.indexOf(':');
          const last = entry.lastIndexOf(':');
          if (first < 0 || first === last) return entry;
          return labels.licence(
            labels.licenceType(entry.slice(0, first)),
            entry.slice(first + 1, last),
            entry.slice(last + 1),
          );
        })
        .join(labels.separator);
    default:
      return value;
  }
}
