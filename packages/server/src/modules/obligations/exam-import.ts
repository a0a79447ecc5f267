import {
  defaultCertificateDates,
  maskIdNumber,
  personPostNames,
  type CertificateKind,
  type Language,
  type ObligationImportRow,
  type ObligationParameters,
  type PersonPost,
} from '@anjian/domain';
import type { AuthContext } from '../../platform/access.ts';
import type { FieldCipher } from '../../platform/crypto.ts';
import type { Queryable } from '../../platform/db.ts';
import { readImportSheet } from '../../platform/office/index.ts';
import { examCourse, examImportColumns, readExamRow, type ExamRow } from './exam-import-rows.ts';
import type { ObligationsImportRepository, PersonCandidate } from './obligations-import.repository.ts';
import { inRowSavepoint, MAX_OBLIGATION_IMPORT_ROWS, reportRow } from './obligations-import.ts';
import type { PeopleRepository } from './people.repository.ts';

export interface ExamImportDeps {
  cipher: FieldCipher;
  people: PeopleRepository;
  imports: ObligationsImportRepository;
  parameters: ObligationParameters;
}

/** The certificate a post may hold: its own, or a special-operation card for other staff (as on the form). */
const fits = (post: PersonPost, kind: CertificateKind) =>
  post === kind || (post === 'other' && kind === 'special_operation');

/** Reads the file; a file that is not a workbook or lacks a required column throws before anything is written. */
export function readExamFile(file: Buffer) {
  return readImportSheet(file, examImportColumns, MAX_OBLIGATION_IMPORT_ROWS);
}

/**
 * Writes the rows of an exam-results file inside the caller's transaction, one savepoint per row:
 * each row records (or updates) the exam as a training record of the person its ID number names
 * and, for a passed exam with a certificate number, registers or updates that certificate.
 */
export async function importExamRows(
  deps: ExamImportDeps,
  tx: Queryable,
  auth: AuthContext,
  rows: Awaited<ReturnType<typeof readExamFile>>,
  options: { language: Language; now: Date },
): Promise<ObligationImportRow[]> {
  const { language, now } = options;
  const say = (zh: string, en: string) => (language === 'en' ? en : zh);
  const report: ObligationImportRow[] = [];
  const exams: ExamRow[] = [];
  for (const row of rows) {
    const { exam, problems } = readExamRow(row, language);
    if (exam) exams.push(exam);
    else report.push(reportRow(row.row, 'error', row.get('name'), problems.join(say('；', '; '))));
  }
  const registered = await peopleByIdNumber(deps, tx, auth, exams);
  const seen = new Map<string, number>();
  for (const exam of exams) {
    const refuse = (zh: string, en: string) =>
      report.push(reportRow(exam.row, 'error', exam.name, say(zh, en)));
    const course = examCourse(exam.kind, exam.operation);
    const key = `${exam.idNumber}|${course}|${exam.examDate}`;
    const first = seen.get(key);
    if (first !== undefined) {
      refuse(`与第 ${first} 行是同一人员同一天的同类考试`, `The same person, exam and date as row ${first}`);
      continue;
    }
    seen.set(key, exam.row);
    const person = personFor(exam, registered.get(exam.idNumber) ?? []);
    if ('refusal' in person) {
      refuse(...person.refusal);
      continue;
    }
    report.push(await applyExam(deps, tx, exam, person.id, course, { say, now }));
  }
  return report;
}

/** The people the file's ID numbers name: the masked number narrows the search, the sealed number decides. */
async function peopleByIdNumber(
  deps: ExamImportDeps,
  tx: Queryable,
  auth: AuthContext,
  exams: readonly ExamRow[],
): Promise<Map<string, PersonCandidate[]>> {
  const masked = [...new Set(exams.map((e) => maskIdNumber(e.idNumber)))];
  const candidates = masked.length ? await deps.imports.peopleByMaskedIds(tx, auth.scope, masked) : [];
  const wanted = new Set(exams.map((e) => e.idNumber));
  const byNumber = new Map<string, PersonCandidate[]>();
  for (const candidate of candidates) {
    const number = deps.cipher.decrypt(candidate.idNumberEnc).toUpperCase();
    if (!wanted.has(number)) continue;
    byNumber.set(number, [...(byNumber.get(number) ?? []), candidate]);
  }
  return byNumber;
}

/**
 * The person the row is about: the only one with its ID number, or the only one whose post takes
 * this exam; refused when there is none in the scope, or the post or the name does not fit.
 */
function personFor(
  exam: ExamRow,
  matches: PersonCandidate[],
): PersonCandidate | { refusal: readonly [zh: string, en: string] } {
  if (matches.length === 0)
    return {
      refusal: [
        '本人数据范围内没有该身份证号的人员，请先在“三项岗位人员”中登记',
        'No person with this ID number is registered in your scope; register the person first',
      ],
    };
  const fitting = matches.filter((m) => fits(m.post, exam.kind));
  if (matches.length > 1 && fitting.length !== 1)
    return {
      refusal: [
        '该身份证号在多家企业登记了相同岗位，无法确定是哪一条人员记录',
        'This ID number is registered for the same post at several enterprises; the row cannot say which',
      ],
    };
  const person = matches.length === 1 ? matches[0]! : fitting[0]!;
  const post = personPostNames[person.post];
  if (!fits(person.post, exam.kind))
    return {
      refusal: [
        `考试类别与人员岗位（${post.zh}）不符`,
        `The exam does not fit the person’s post (${post.en})`,
      ],
    };
  if (person.name !== exam.name)
    return {
      refusal: [
        `姓名与登记的不一致（登记为 ${person.name}）`,
        `The name differs from the register (${person.name})`,
      ],
    };
  return person;
}

type Change = 'created' | 'updated' | null;
type Say = (zh: string, en: string) => string;

/** One exam of a person: its training record and certificate written together, or a refusal. */
async function applyExam(
  deps: ExamImportDeps,
  tx: Queryable,
  exam: ExamRow,
  personId: string,
  course: string,
  context: { say: Say; now: Date },
): Promise<ObligationImportRow> {
  const { say, now } = context;
  const refused = (zh: string, en: string) => reportRow(exam.row, 'error', exam.name, say(zh, en));
  const training = await deps.imports.findTraining(tx, personId, course, exam.examDate);
  const result = {
    institution: exam.institution,
    hours: exam.hours,
    examScore: exam.score,
    passed: exam.passed,
  };
  const trainingChange: Change = !training
    ? 'created'
    : (Object.keys(result) as (keyof typeof result)[]).some((k) => training[k] !== result[k])
      ? 'updated'
      : null;
  const card = await planCertificate(deps, tx, exam, personId);
  if ('refusal' in card) return refused(...card.refusal);

  const written = await inRowSavepoint(tx, async () => {
    if (!training)
      await deps.people.insertTraining(tx, personId, { course, completedOn: exam.examDate, ...result }, now);
    else if (trainingChange) await deps.imports.updateTraining(tx, training.id, result);
    if (card.change === 'created')
      await deps.people.insertCertificate(
        tx,
        { personId, number: card.number, reviewedOn: null, ...card.values },
        false,
        now,
      );
    else if (card.change === 'updated') await deps.imports.updateCertificate(tx, card.id, card.values);
  });
  if (!written)
    return refused(
      `证书编号 ${card.number} 刚被他人登记，请核对后重新导入`,
      `Certificate ${card.number} was just registered by someone else; check and import again`,
    );
  return describeExam(exam, trainingChange, card, say);
}

type CertificatePlan =
  | { refusal: readonly [zh: string, en: string] }
  | { change: null; number: string }
  | {
      change: 'created' | 'updated';
      number: string;
      id: string;
      values: ReturnType<typeof certificateValues>;
    };

/** What the row does to the certificate it names: nothing, register it, update it, or refuse the row. */
async function planCertificate(
  deps: ExamImportDeps,
  tx: Queryable,
  exam: ExamRow,
  personId: string,
): Promise<CertificatePlan> {
  const card = exam.passed ? exam.certificate : null;
  if (!card) return { change: null, number: '' };
  const stored = await deps.imports.certificateByNumber(tx, card.number);
  if (stored && stored.personId !== personId)
    return {
      refusal: [
        `证书编号 ${card.number} 已登记在其他人员名下`,
        `Certificate ${card.number} is registered to someone else`,
      ],
    };
  if (!stored && !card.authority)
    return {
      refusal: ['登记新证书须填写发证机关', 'A new certificate needs its issuing authority'],
    };
  const values = certificateValues(exam, card, stored, deps.parameters);
  if (values.expiresOn < values.issuedOn)
    return {
      refusal: ['有效期至不能早于发证日期', 'The validity cannot end before the issue date'],
    };
  if (!stored) return { change: 'created', number: card.number, id: '', values };
  const same = (Object.keys(values) as (keyof typeof values)[]).every((k) => values[k] === stored[k]);
  return same
    ? { change: null, number: card.number }
    : { change: 'updated', number: card.number, id: stored.id, values };
}

/** The row's line in the report: created with a new exam record, updated when anything changed, else skipped. */
function describeExam(
  exam: ExamRow,
  trainingChange: Change,
  card: { change: Change; number: string },
  say: Say,
): ObligationImportRow {
  const outcome = trainingChange === 'created' ? 'created' : trainingChange || card.change ? 'updated' : null;
  if (!outcome)
    return reportRow(
      exam.row,
      'skipped',
      exam.name,
      say('已导入过，内容相同', 'Already imported; nothing changed'),
    );
  const parts: string[] = [];
  if (trainingChange === 'created')
    parts.push(
      exam.passed
        ? say('已登记考试成绩（合格）', 'Exam result recorded (passed)')
        : say('已登记考试成绩（不合格）', 'Exam result recorded (failed)'),
    );
  else if (trainingChange) parts.push(say('已更新考试成绩', 'Exam result updated'));
  if (card.change === 'created')
    parts.push(say(`已登记证书 ${card.number}`, `certificate ${card.number} registered`));
  else if (card.change) parts.push(say(`已更新证书 ${card.number}`, `certificate ${card.number} updated`));
  if (exam.passed && !exam.certificate && trainingChange === 'created')
    parts.push(say('未填写证书编号，未登记证书', 'no certificate number, so no certificate registered'));
  return reportRow(exam.row, outcome, exam.name, parts.join(say('；', '; ')));
}

/**
 * The certificate as the row leaves it: a new card takes the exam date and the dated validity when
 * the row does not print them; a registered card keeps what the row leaves empty.
 */
function certificateValues(
  exam: ExamRow,
  card: NonNullable<ExamRow['certificate']>,
  stored: Awaited<ReturnType<ObligationsImportRepository['certificateByNumber']>>,
  parameters: ObligationParameters,
) {
  const issuedOn = card.issuedOn ?? stored?.issuedOn ?? exam.examDate;
  const defaults = defaultCertificateDates(exam.kind, issuedOn, parameters);
  // A registered card given no new issue date keeps its dates; a new or reissued one takes the defaults.
  const kept = stored && card.issuedOn === null ? stored : null;
  const expiresOn = card.expiresOn ?? kept?.expiresOn ?? defaults.expiresOn;
  const review = exam.kind === 'special_operation' ? (kept ? kept.reviewDueOn : defaults.reviewDueOn) : null;
  return {
    kind: exam.kind,
    operation: exam.operation as string | null,
    authority: card.authority ?? stored?.authority ?? '',
    issuedOn,
    expiresOn,
    reviewDueOn: review && review < expiresOn ? review : null,
  };
}
