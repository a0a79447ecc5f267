import { chinaDateTime, findAccidentType } from '@anjian/domain';

/** What the dispatch push says: the incident, where, the task, and (after it) the phone page's link. */
export interface DispatchPushFacts {
  readonly teamName: string;
  readonly accidentType: string;
  readonly occurredAt: Date;
  readonly location: string;
  readonly note: string | null;
}

/** Long notes are cut: the SMS gateway takes about 280 characters with the link. */
const NOTE_MAX = 60;

/**
 * The short Chinese text of a dispatch push (SMS and e-mail): 事件 (type and China time), 地点,
 * 任务 (the command's note, or the standing order), then the link the sender appends.
 */
export function dispatchPushBody(facts: DispatchPushFacts): string {
  const type = findAccidentType(facts.accidentType)?.type.zh ?? '突发事件';
  const note = facts.note?.trim();
  const task = note
    ? note.length > NOTE_MAX
      ? `${note.slice(0, NOTE_MAX - 1)}…`
      : note
    : '立即出动，按指挥部指令处置';
  return (
    `${facts.teamName}：事件 ${type}（${chinaDateTime(facts.occurredAt).slice(5, 16)}），` +
    `地点 ${facts.location}，任务 ${task}。请在手机上接受任务：`
  );
}

export const DISPATCH_PUSH_HEADLINE = '救援调派';
