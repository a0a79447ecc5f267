/**
 * A certificate card (证书核验卡) the platform prints: its QR code holds the address of the phone
 * check of that certificate, so an inspector's camera app (or WeChat's scanner) opens it directly;
 * signed in, the phone shows the register's record — the card itself proves nothing, the register
 * does, so a forged card with a real number shows the real holder.
 */
export const CERTIFICATE_CHECK_PATH = '/obligations/m/certificates';

/** The path (under the platform's address) that checks one certificate number on the phone. */
export function certificateCheckPath(number: string): string {
  return `${CERTIFICATE_CHECK_PATH}?no=${encodeURIComponent(number.trim())}`;
}

/**
 * The certificate number in what a camera or a scanner gun read: the check address of a card (any
 * host, so a card printed under another address still reads) or the bare number as typed.
 */
export function certificateNumberFromScan(text: string): string {
  const trimmed = text.trim();
  if (!/^https?:\/\//i.test(trimmed) && !trimmed.startsWith(CERTIFICATE_CHECK_PATH)) return trimmed;
  try {
    const url = new URL(trimmed, 'http://card.invalid');
    if (url.pathname !== CERTIFICATE_CHECK_PATH) return trimmed;
    return (url.searchParams.get('no') ?? '').trim();
  } catch {
    return trimmed;
  }
}
