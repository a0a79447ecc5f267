import { randomUUID } from 'node:crypto';
import svgCaptcha from 'svg-captcha';
import { sm3Hex } from '../../platform/crypto.ts';

/** Characters that are not mistaken for one another when read off a noisy picture. */
const IGNORED = '0oO1iIlLqg9';

export interface NewCaptcha {
  id: string;
  /** data: URL of the SVG picture. */
  image: string;
  answerHash: string;
}

/** The stored form of an answer: SM3 over the captcha id and the answer in lower case. */
export function captchaAnswerHash(id: string, answer: string): string {
  return sm3Hex(`${id}:${answer.trim().toLowerCase()}`);
}

export function drawCaptcha(): NewCaptcha {
  const id = randomUUID();
  const { data, text } = svgCaptcha.create({
    size: 4,
    noise: 3,
    ignoreChars: IGNORED,
    width: 120,
    height: 40,
  });
  return {
    id,
    image: `data:image/svg+xml;base64,${Buffer.from(data).toString('base64')}`,
    answerHash: captchaAnswerHash(id, text),
  };
}
