import { describe, expect, it } from 'vitest';
import { certificateCheckPath, certificateNumberFromScan } from './certificate-card.ts';

describe('the certificate card’s QR address', () => {
  it('is the phone check of the number, escaped', () => {
    expect(certificateCheckPath('T530402198801011234')).toBe(
      '/obligations/m/certificates?no=T530402198801011234',
    );
    expect(certificateCheckPath(' 云安监 2024-07#1 ')).toBe(
      '/obligations/m/certificates?no=%E4%BA%91%E5%AE%89%E7%9B%91%202024-07%231',
    );
  });

  it('gives back the number from a scanned card under any host, or the number typed', () => {
    expect(
      certificateNumberFromScan('https://anjian.yuxi.gov.cn/obligations/m/certificates?no=T5304&x=1'),
    ).toBe('T5304');
    expect(
      certificateNumberFromScan('http://10.0.0.5:8080/obligations/m/certificates?no=%E4%BA%91%231'),
    ).toBe('云#1');
    expect(certificateNumberFromScan('/obligations/m/certificates?no=AQ-01')).toBe('AQ-01');
    expect(certificateNumberFromScan('  T530402198801011234 ')).toBe('T530402198801011234');
    // Another address is not a card: what was read is looked up as it is (and not found).
    expect(certificateNumberFromScan('https://example.com/x?no=T1')).toBe('https://example.com/x?no=T1');
    expect(certificateNumberFromScan('https://anjian/obligations/m/certificates')).toBe('');
  });
});
