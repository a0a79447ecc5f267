import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';

/** RFC 6238 TOTP: SHA-1, 6 digits, 30 s — what every authenticator app reads from a QR code. */
const PERIOD = 30;

function totpFor(secretBase32: string, label = 'anjian'): TOTP {
  return new TOTP({
    issuer: '玉溪应急 Anjian',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD,
    secret: Secret.fromBase32(secretBase32),
  });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export async function describeTotp(secretBase32: string, username: string) {
  const otpauthUrl = totpFor(secretBase32, username).toString();
  return {
    secret: secretBase32,
    otpauthUrl,
    qrDataUrl: await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 220 }),
  };
}

/** The time step the code belongs to (one step of drift either way), or null when it is wrong. */
export function matchTotp(secretBase32: string, code: string, now: Date): number | null {
  const delta = totpFor(secretBase32).validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  return Math.floor(now.getTime() / 1000 / PERIOD) + delta;
}

/** For tests and the e2e journey: the code an app would show at `now`. */
export function currentTotp(secretBase32: string, now: Date): string {
  return totpFor(secretBase32).generate({ timestamp: now.getTime() });
}
