import { certificateGapNames, specialOperationNames, type SpecialOperation } from './obligation-terms.ts';
import type { CertificateGap } from './certificate-gaps.ts';

/**
 * The checklist item a certificate gap becomes in an inspection: its stable code (one per person
 * and gap, so a second click adds nothing), its text and the law it breaks.
 */
export function certificateGapFinding(gap: CertificateGap): {
  code: string;
  text: string;
  legalBasis: string;
  penaltyClause: string;
} {
  const who = gap.personName ? `（${gap.personName}）` : '';
  const operation = gap.operation
    ? `：${specialOperationNames[gap.operation as SpecialOperation]?.zh ?? ''}`
    : '';
  const special = gap.kind === 'uncertified_operation';
  return {
    code: `OBL-${gap.kind}-${gap.personId ?? 'none'}`.slice(0, 64),
    text: `${certificateGapNames[gap.kind].zh}${operation}${who}`,
    legalBasis: special ? '《安全生产法》第三十条' : '《安全生产法》第二十七条',
    penaltyClause: special ? '《安全生产法》第九十七条第七项' : '《安全生产法》第九十七条第二项',
  };
}
