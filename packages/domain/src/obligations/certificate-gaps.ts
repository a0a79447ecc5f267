import { parameterOn, type ObligationParameters } from './obligation-parameters.ts';
import type {
  CertificateGapKind,
  CertificateKind,
  CertificateStatus,
  PersonPost,
} from './obligation-terms.ts';
import { certificateInForce } from './certificate-status.ts';

export interface StaffMember {
  readonly id: string;
  readonly name: string;
  readonly post: PersonPost;
  readonly operation: string | null;
  readonly certificates: readonly {
    readonly kind: CertificateKind;
    readonly operation: string | null;
    readonly status: CertificateStatus;
  }[];
}

export interface CertificateGap {
  readonly kind: CertificateGapKind;
  /** The person concerned; null when nobody holds the post at all. */
  readonly personId: string | null;
  readonly personName: string | null;
  readonly operation: string | null;
}

/**
 * The certificate gaps of one enterprise on a day. A unit in a sector of 安全生产法 Art. 27 needs a
 * principal and at least one safety manager with a valid assessment certificate; in every unit a
 * special-operation worker needs a valid 特种作业操作证 of their operation (Art. 30: 持证上岗).
 * The figures and sectors are those in force on `today`.
 */
export function certificateGaps(
  enterprise: { readonly sectors: readonly string[] },
  staff: readonly StaffMember[],
  today: string,
  parameters: ObligationParameters,
): CertificateGap[] {
  const gaps: CertificateGap[] = [];
  const holds = (person: StaffMember, kind: CertificateKind, operation: string | null) =>
    person.certificates.some(
      (c) =>
        c.kind === kind && certificateInForce(c.status) && (operation === null || c.operation === operation),
    );
  const assessed = parameterOn(parameters.managerAssessmentSectors, today);
  if (enterprise.sectors.some((s) => assessed.includes(s))) {
    for (const post of ['principal', 'safety_manager'] as const) {
      const holders = staff.filter((p) => p.post === post);
      if (holders.some((p) => holds(p, post, null))) continue;
      const first = holders[0];
      gaps.push({
        kind: post === 'principal' ? 'no_principal' : 'no_safety_manager',
        personId: first?.id ?? null,
        personName: first?.name ?? null,
        operation: null,
      });
    }
  }
  for (const person of staff) {
    if (person.post !== 'special_operation' || holds(person, 'special_operation', person.operation)) continue;
    gaps.push({
      kind: 'uncertified_operation',
      personId: person.id,
      personName: person.name,
      operation: person.operation,
    });
  }
  return gaps;
}
