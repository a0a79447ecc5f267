/** How the obligations registers show a value: the tone of a certificate's status, an agency's fields. */

/** 有效 green; review or renewal coming amber; review overdue or expired red. */
export const certificateStatusTones = {
  valid: 'success',
  review_due: 'warning',
  expiring: 'warning',
  review_overdue: 'danger',
  expired: 'danger',
} as const;

/** An agency's fields of work, named in the UI's language and joined as a list. */
export function agencyFieldNames(fields: readonly string[], t: (key: string) => string): string {
  return fields.map((f) => t(`obligations.agencyField.${f}`)).join('、');
}
