import { Secret, TOTP } from 'otpauth';

const PERIOD = 30;

function totpFor(secret: string): TOTP {
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: PERIOD, algorithm: 'SHA1' });
}

/**
 * The current code, avoiding the last seconds of a step (the code could expire in flight). The
 * server takes each step once per user, so a second code for the same user needs the next step.
 */
export async function freshTotpCode(
  secret: string,
  notInStep?: number,
): Promise<{ code: string; step: number }> {
  for (;;) {
    const now = Date.now();
    const step = Math.floor(now / 1000 / PERIOD);
    const secondsLeft = PERIOD - ((now / 1000) % PERIOD);
    if (step !== notInStep && secondsLeft > 3)
      return { code: totpFor(secret).generate({ timestamp: now }), step };
    await new Promise((resolve) => setTimeout(resolve, (secondsLeft + 0.2) * 1000));
  }
}
