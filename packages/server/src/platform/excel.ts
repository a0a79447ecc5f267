/** What every Excel download shares: the media type, and the guard against formula injection. */
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Text a spreadsheet would run as a formula (= + - @, tab, CR) gets a leading ' (OWASP CSV injection). */
export function safeCell(value: string | number | null | readonly string[]): string | number | null {
  if (value === null || typeof value === 'number') return value;
  const text = typeof value === 'string' ? value : value.join(',');
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** `Content-Disposition` for a download: an ASCII fallback name and the Chinese name in UTF-8. */
export function attachmentHeader(asciiName: string, name: string): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
