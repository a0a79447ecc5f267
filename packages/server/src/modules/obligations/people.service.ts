import {
  certificateGapFinding,
  certificateGaps,
  certificateStanding,
  certificateStatuses,
  chinaDate,
  defaultCertificateDates,
  DomainError,
  maskIdNumber,
  type CertificateInput,
  type CertificateStatus,
  type ObligationParameters,
  type Person,
  type PersonInput,
  type TrainingInput,
} from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import type { Clock } from '../../platform/clock.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import { inTransaction, type Db } from '../../platform/db.ts';
import { scopeAllows } from '../../platform/scope-sql.ts';
import type { InspectionFindings } from '../enforcement/index.ts';
import type { EnterpriseLookup } from '../registry/index.ts';
import type { CertificateRow, PeopleFilter, PeopleRepository, PersonRecord } from './people.repository.ts';

type ListFilter = Omit<PeopleFilter, 'actBy'> & { attention?: boolean | undefined };

const severity = (s: CertificateStatus) => certificateStatuses.indexOf(s);

export function createPeopleService(deps: {
  db: Db;
  clock: Clock;
  cipher: FieldCipher;
  people: PeopleRepository;
  enterprises: EnterpriseLookup;
  findings: InspectionFindings;
  parameters: ObligationParameters;
}) {
  const { db, clock, cipher, people, enterprises, parameters } = deps;
  const today = () => chinaDate(clock.now());

  function presentCertificate(c: CertificateRow, day: string) {
    const standing = certificateStanding(c, day, parameters);
    return {
      ...c,
      operation: c.operation as Person['operation'],
      status: standing.status,
      daysToAct: standing.daysToAct,
    };
  }

  function present(auth: AuthContext, record: PersonRecord): Person {
    const day = today();
    const certificates = record.certificates.map((c) => presentCertificate(c, day));
    const worst = certificates.map((c) => c.status).sort((a, b) => severity(b) - severity(a))[0] ?? null;
    const reveal = auth.permissions.has('pi:view') && record.idNumberEnc;
    return {
      id: record.id,
      enterpriseId: record.enterpriseId,
      enterpriseName: record.enterpriseName,
      county: record.county,
      name: record.name,
      idNumber: reveal ? cipher.decrypt(record.idNumberEnc!) : record.idNumberMasked,
      post: record.post,
      operation: record.operation as Person['operation'],
      position: record.position,
      certificates,
      training: record.training,
      status: worst,
      demo: record.demo,
    };
  }

  async function enterpriseFor(auth: AuthContext, enterpriseId: string) {
    const enterprise = await enterprises.findById(enterpriseId, auth.scope);
    if (!enterprise) throw new DomainError('enterprise.not_found');
    return enterprise;
  }

  async function writable(auth: AuthContext, id: string) {
    const record = await people.find(id, auth.scope);
    if (!record) throw new DomainError('obligations.person_not_found');
    if (!scopeAllows(auth.scope, record.county, record.enterpriseId))
      throw new DomainError('obligations.person_not_found');
    return record;
  }

  async function toWrite(auth: AuthContext, input: PersonInput) {
    const enterprise = await enterpriseFor(auth, input.enterpriseId);
    return {
      enterpriseId: enterprise.id,
      county: enterprise.county,
      name: input.name,
      idNumberEnc: input.idNumber ? cipher.encrypt(input.idNumber) : null,
      idNumberMasked: input.idNumber ? maskIdNumber(input.idNumber) : null,
      post: input.post,
      operation: input.post === 'special_operation' ? (input.operation ?? null) : null,
      position: input.position ?? null,
    };
  }

  async function gapsOf(enterpriseId: string) {
    const enterprise = (await enterprises.findById(enterpriseId, null))!;
    const day = today();
    const staff = (await people.ofEnterprise(enterpriseId)).map((p) => ({
      id: p.id,
      name: p.name,
      post: p.post,
      operation: p.operation,
      certificates: p.certificates.map((c) => ({ ...presentCertificate(c, day) })),
    }));
    return certificateGaps(enterprise, staff, day, parameters).map((g) => ({
      ...g,
      operation: g.operation as Person['operation'],
    }));
  }

  return {
    async list(auth: AuthContext, filter: ListFilter, page: { page: number; pageSize: number }) {
      const { attention, ...rest } = filter;
      // attention: a certificate to renew or review within the reminder window, or already lapsed.
      const window = attention ? { actBy: reminderHorizon(today(), parameters) } : {};
      const result = await people.list(auth.scope, { ...rest, ...window }, page);
      return { ...result, items: result.items.map((r) => present(auth, r)) };
    },

    async get(auth: AuthContext, id: string) {
      const record = await people.find(id, auth.scope);
      if (!record) throw new DomainError('obligations.person_not_found');
      return present(auth, record);
    },

    async create(auth: AuthContext, input: PersonInput) {
      const id = await people.insert(db, await toWrite(auth, input), false, clock.now());
      return present(auth, (await people.find(id, null))!);
    },

    async replace(auth: AuthContext, id: string, input: PersonInput) {
      const before = await writable(auth, id);
      const write = await toWrite(auth, input);
      if (!input.idNumber) {
        write.idNumberEnc = before.idNumberEnc;
        write.idNumberMasked = before.idNumberMasked;
      }
      await people.update(id, write, clock.now());
      return present(auth, (await people.find(id, null))!);
    },

    async remove(auth: AuthContext, id: string) {
      await writable(auth, id);
      await people.remove(id);
    },

    async addCertificate(auth: AuthContext, personId: string, input: CertificateInput) {
      const person = await writable(auth, personId);
      const allowed =
        person.post === input.kind || (person.post === 'other' && input.kind === 'special_operation');
      if (!allowed) throw new DomainError('obligations.certificate_kind_mismatch');
      const defaults = defaultCertificateDates(input.kind, input.issuedOn, parameters);
      const expiresOn = input.expiresOn ?? defaults.expiresOn;
      const reviewDueOn =
        input.kind === 'special_operation' ? (input.reviewDueOn ?? defaults.reviewDueOn) : null;
      if (expiresOn < input.issuedOn || (reviewDueOn && reviewDueOn < input.issuedOn))
        throw new DomainError('obligations.dates_out_of_order');
      await inTransaction(db, async (tx) => {
        if (await people.certificateNumberTaken(input.number, tx))
          throw new DomainError('obligations.certificate_number_taken');
        await people.insertCertificate(
          tx,
          {
            personId,
            kind: input.kind,
            number: input.number,
            operation: input.kind === 'special_operation' ? (input.operation ?? null) : null,
            authority: input.authority,
            issuedOn: input.issuedOn,
            expiresOn,
            reviewDueOn,
            reviewedOn: input.reviewedOn ?? null,
          },
          false,
          clock.now(),
        );
      });
      return present(auth, (await people.find(personId, null))!);
    },

    async removeCertificate(auth: AuthContext, personId: string, certificateId: string) {
      await writable(auth, personId);
      if (!(await people.removeCertificate(personId, certificateId)))
        throw new DomainError('obligations.certificate_not_found');
    },

    async addTraining(auth: AuthContext, personId: string, input: TrainingInput) {
      await writable(auth, personId);
      await people.insertTraining(
        db,
        personId,
        {
          course: input.course,
          institution: input.institution,
          hours: input.hours,
          completedOn: input.completedOn,
          examScore: input.examScore ?? null,
          passed: input.passed ?? null,
        },
        clock.now(),
      );
      return present(auth, (await people.find(personId, null))!);
    },

    /** An inspector on site: the certificate with its holder, by the number on the card. */
    async check(auth: AuthContext, number: string) {
      const record = await people.findCertificate(number, auth.scope);
      const certificate = record?.certificates.find((c) => c.number === number);
      if (!record || !certificate) throw new DomainError('obligations.certificate_not_found');
      return {
        certificate: presentCertificate(certificate, today()),
        person: { id: record.id, name: record.name, post: record.post },
        enterprise: { id: record.enterpriseId, name: record.enterpriseName },
      };
    },

    async gaps(auth: AuthContext, enterpriseId: string) {
      await enterpriseFor(auth, enterpriseId);
      return gapsOf(enterpriseId);
    },

    /** A gap the inspector confirms on site becomes a failed item of their open inspection. */
    async recordFinding(
      auth: AuthContext,
      enterpriseId: string,
      gap: { kind: string; personId: string | null },
      input: { inspectionId: string; note?: string | undefined },
    ) {
      await enterpriseFor(auth, enterpriseId);
      const found = (await gapsOf(enterpriseId)).find(
        (g) => g.kind === gap.kind && (g.personId ?? null) === (gap.personId ?? null),
      );
      if (!found) throw new DomainError('obligations.gap_not_found');
      const finding = certificateGapFinding(found);
      return deps.findings.add(auth, input.inspectionId, enterpriseId, {
        ...finding,
        note: input.note ?? null,
      });
    },

    gapsOf,
  };
}

function reminderHorizon(day: string, parameters: ObligationParameters): string {
  const days = parameters.reminderDays.at(-1)?.value ?? 60;
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export type PeopleService = ReturnType<typeof createPeopleService>;
