import { AlignmentType, Document, Paragraph } from 'docx';
import {
  DomainError,
  chinaDate,
  type DataScope,
  type SupervisionLetter,
  type SupervisionLetterCreate,
  type SupervisionLetterReply,
} from '@anjian/domain';
import type { Clock } from '../../platform/clock.ts';
import { inTransaction, type Db, type Queryable } from '../../platform/db.ts';
import { docxBuffer, docxParagraph, docxText } from '../../platform/office/index.ts';
import { listPage, type PageRequest } from '../../platform/sql-page.ts';
import type { Notifier } from '../notifications/index.ts';
import type { UploadLookup } from '../uploads/index.ts';
import { membersOf } from './plan-members.ts';
import { viewerUnitsCondition, type PlanViewer } from './plan-viewer.ts';

/** The letter number: 玉安委办督〔2026〕3号. */
export const letterNumber = (year: number, seq: number) => `玉安委办督〔${year}〕${seq}号`;

interface LetterRow {
  id: string;
  assignment_id: string;
  number: string;
  milestone_title: string | null;
  requirement: string;
  reply_by: string;
  issuer: string;
  issued_at: Date;
  reply: string | null;
  reply_evidence: string[];
  replier: string | null;
  replied_at: Date | null;
  demo: boolean;
  organisation_id: string;
  organisation_name: string;
  task_code: string;
  task_title: string;
  plan_name: string;
  due_date: string | null;
}

const letterSelect = `
  SELECT l.id, l.assignment_id, l.number, m.title AS milestone_title, l.requirement,
         to_char(l.reply_by, 'YYYY-MM-DD') AS reply_by, iu.display_name AS issuer, l.issued_at,
         l.reply, l.reply_evidence, ru.display_name AS replier, l.replied_at, l.demo,
         a.organisation_id, o.name AS organisation_name, t.code AS task_code, t.title AS task_title,
         p.name AS plan_name, to_char(m.due_date, 'YYYY-MM-DD') AS due_date
    FROM plan_supervision_letters l
    JOIN plan_assignments a ON a.id = l.assignment_id
    JOIN organisations o ON o.id = a.organisation_id
    JOIN plan_tasks t ON t.id = a.task_id
    JOIN plans p ON p.id = t.plan_id
    JOIN users iu ON iu.id = l.issued_by
    LEFT JOIN users ru ON ru.id = l.replied_by
    LEFT JOIN plan_milestones m ON m.id = l.milestone_id`;

function toLetter(r: LetterRow, today: string) {
  return {
    id: r.id,
    assignmentId: r.assignment_id,
    number: r.number,
    milestoneTitle: r.milestone_title,
    requirement: r.requirement,
    replyBy: r.reply_by,
    issuedBy: r.issuer,
    issuedAt: r.issued_at.toISOString(),
    reply: r.reply,
    replyEvidence: r.reply_evidence,
    repliedBy: r.replier,
    repliedAt: r.replied_at?.toISOString() ?? null,
    state: r.replied_at ? 'replied' : r.reply_by < today ? 'overdue' : 'awaiting',
    demo: r.demo,
    organisationName: r.organisation_name,
    taskCode: r.task_code,
    taskTitle: r.task_title,
  } satisfies SupervisionLetter;
}

export type LetterView = ReturnType<typeof toLetter>;

/**
 * 督办函: the 安委办 issues a numbered letter on an overdue assignment (or one of its overdue
 * milestones) with a deadline for the reply; the unit answers with evidence. Numbers run per year
 * from a counter row taken with INSERT … ON CONFLICT DO UPDATE, so two processes never share one.
 */
export function createPlanLetters(deps: {
  db: Db;
  clock: Clock;
  uploads: UploadLookup;
  notifications: Notifier;
}) {
  const { db, clock } = deps;

  async function find(source: Queryable, viewer: PlanViewer, id: string) {
    const params: unknown[] = [id];
    const scope = viewerUnitsCondition(viewer, 'a.organisation_id', params);
    const rows = await source.query<LetterRow>(`${letterSelect} WHERE l.id = $1 AND ${scope}`, params);
    if (!rows.rows[0]) throw new DomainError('plan.letter_not_found');
    return rows.rows[0];
  }

  return {
    async list(viewer: PlanViewer, filter: { assignmentId?: string }, page: PageRequest) {
      const params: unknown[] = [];
      let where = viewerUnitsCondition(viewer, 'a.organisation_id', params);
      if (filter.assignmentId) {
        params.push(filter.assignmentId);
        where += ` AND l.assignment_id = $${params.length}`;
      }
      const today = chinaDate(clock.now());
      return listPage<LetterRow, LetterView>(
        db,
        {
          select: letterSelect,
          countFrom: 'FROM plan_supervision_letters l JOIN plan_assignments a ON a.id = l.assignment_id',
          where,
          orderBy: 'l.issued_at DESC, l.id',
          params,
        },
        page,
        (r) => toLetter(r, today),
      );
    },

    async get(viewer: PlanViewer, id: string) {
      return toLetter(await find(db, viewer, id), chinaDate(clock.now()));
    },

    /** Issues the letter on overdue work; the unit's accounts are notified. */
    async issue(viewer: PlanViewer, assignmentId: string, input: SupervisionLetterCreate) {
      const now = clock.now();
      const today = chinaDate(now);
      if (input.replyBy < today) throw new DomainError('plan.letter_reply_by');
      const id = await inTransaction(db, async (tx) => {
        const assignment = await tx.query<{
          organisation_id: string;
          deadline: string;
          status: string;
          overdue: number;
          task: string;
        }>(
          `SELECT a.organisation_id, to_char(a.deadline, 'YYYY-MM-DD') AS deadline, a.status, t.code || ' ' || t.title AS task,
                  (SELECT count(*)::int FROM plan_milestones m WHERE m.assignment_id = a.id AND m.done_at IS NULL AND m.due_date < $2::date) AS overdue
             FROM plan_assignments a JOIN plan_tasks t ON t.id = a.task_id WHERE a.id = $1 FOR UPDATE OF a`,
          [assignmentId, today],
        );
        const found = assignment.rows[0];
        if (!found) throw new DomainError('plan.assignment_not_found');
        if (input.milestoneId) {
          const milestone = await tx.query(
            `SELECT 1 FROM plan_milestones WHERE id = $1 AND assignment_id = $2 AND done_at IS NULL AND due_date < $3::date`,
            [input.milestoneId, assignmentId, today],
          );
          if ((milestone.rowCount ?? 0) === 0) {
            const belongs = await tx.query(
              'SELECT 1 FROM plan_milestones WHERE id = $1 AND assignment_id = $2',
              [input.milestoneId, assignmentId],
            );
            throw new DomainError(
              (belongs.rowCount ?? 0) === 0 ? 'plan.milestone_not_in_assignment' : 'plan.letter_not_overdue',
            );
          }
        } else if (found.overdue === 0 && !(found.deadline < today && found.status !== 'done'))
          throw new DomainError('plan.letter_not_overdue');
        const year = Number(today.slice(0, 4));
        const counter = await tx.query<{ last: number }>(
          `INSERT INTO plan_letter_counters (year, last) VALUES ($1, 1)
           ON CONFLICT (year) DO UPDATE SET last = plan_letter_counters.last + 1 RETURNING last`,
          [year],
        );
        const seq = counter.rows[0]!.last;
        const number = letterNumber(year, seq);
        const inserted = await tx.query<{ id: string }>(
          `INSERT INTO plan_supervision_letters (assignment_id, milestone_id, year, seq, number, requirement, reply_by, issued_by, issued_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
          [
            assignmentId,
            input.milestoneId,
            year,
            seq,
            number,
            input.requirement,
            input.replyBy,
            viewer.userId,
            now,
          ],
        );
        await deps.notifications.insertMany(
          tx,
          await membersOf(tx, found.organisation_id),
          {
            kind: 'plan.letter',
            severity: 'warning',
            title: { zh: `督办函 ${number}`, en: `Supervision letter ${number}` },
            body: {
              zh: `${found.task}：请于 ${input.replyBy} 前书面回复`,
              en: `${found.task}: reply in writing by ${input.replyBy}`,
            },
            link: `/plan/assignments/${assignmentId}`,
            data: { assignmentId, letterId: inserted.rows[0]!.id },
          },
          now,
        );
        return inserted.rows[0]!.id;
      });
      return this.get(viewer, id);
    },

    /** The unit answers a letter once, with evidence. */
    async reply(viewer: PlanViewer, scope: DataScope, id: string, input: SupervisionLetterReply) {
      const now = clock.now();
      await inTransaction(db, async (tx) => {
        await tx.query('SELECT 1 FROM plan_supervision_letters WHERE id = $1 FOR UPDATE', [id]);
        const letter = await find(tx, viewer, id);
        if (letter.replied_at) throw new DomainError('plan.letter_replied');
        for (const upload of input.evidence)
          if (!(await deps.uploads.find(upload, scope))) throw new DomainError('plan.evidence_not_found');
        await tx.query(
          `UPDATE plan_supervision_letters SET reply = $2, reply_evidence = $3, replied_by = $4, replied_at = $5 WHERE id = $1`,
          [id, input.reply, [...new Set(input.evidence)], viewer.userId, now],
        );
      });
      return this.get(viewer, id);
    },

    /** The letter as DOCX, in the form of an official letter (公文). */
    async docx(viewer: PlanViewer, id: string): Promise<{ number: string; body: Buffer }> {
      const r = await find(db, viewer, id);
      const issuedOn = chinaDate(r.issued_at);
      const [y, m, d] = issuedOn.split('-').map(Number);
      const what = r.milestone_title
        ? `中的节点“${r.milestone_title}”（应于 ${r.due_date} 完成）已逾期`
        : '已逾期未完成';
      const right = (text: string) =>
        new Paragraph({ alignment: AlignmentType.RIGHT, children: [docxText(text, {}, 32)] });
      const line = (text: string) =>
        new Paragraph({
          indent: { firstLine: 640 },
          spacing: { line: 560 },
          children: [docxText(text, {}, 32)],
        });
      const children = [
        docxParagraph('玉溪市安全生产委员会办公室', { bold: true, size: 44, center: true }),
        docxParagraph('督 办 函', { bold: true, size: 44, center: true }),
        docxParagraph(r.number, { center: true }, 32),
        docxParagraph(''),
        docxParagraph(`${r.organisation_name}：`, {}, 32),
        line(
          `你单位承担的《${r.plan_name}》任务“${r.task_code} ${r.task_title}”${what}。根据规划实施督办工作要求，现予督办，请按以下要求办理：`,
        ),
        ...r.requirement.split('\n').map((text) => line(text)),
        line(`请于 ${r.reply_by} 前将办理情况书面回复市安委办，并附佐证材料。`),
        docxParagraph(''),
        right('玉溪市安全生产委员会办公室'),
        right(`${y}年${m}月${d}日`),
      ];
      return {
        number: r.number,
        body: await docxBuffer(new Document({ title: `督办函 ${r.number}`, sections: [{ children }] })),
      };
    },
  };
}

export type PlanLetters = ReturnType<typeof createPlanLetters>;
