import type { ErrorDefinition } from '../error-definition.ts';

/** 应急联动: the rescue teams' phone (dispatches, statuses, positions, on-scene reports). */
export const emergencyTeamsErrors = {
  'incident.task_status_backward': {
    status: 409,
    zh: '调派任务的状态只能向前推进',
    en: 'A dispatch task’s status only moves forward',
  },
  'team.task_not_found': { status: 404, zh: '调派任务不存在', en: 'No such dispatch' },
  'team.not_a_team': { status: 400, zh: '只有救援队伍可以关联队员', en: 'Only a rescue team has members' },
  'team.member_not_found': {
    status: 400,
    zh: '队员账号不存在或没有救援队员角色',
    en: 'A member account does not exist or does not hold the rescue team role',
  },
  'team.task_done': {
    status: 409,
    zh: '任务已完成，不能再上报',
    en: 'The task is done; nothing more can be reported',
  },
  'team.operation_conflict': {
    status: 409,
    zh: '同一编号的上报内容不同，请勿重复使用编号',
    en: 'An operation with this id was sent before with other content',
  },
  'team.photo_not_found': { status: 400, zh: '照片不存在或已过期', en: 'A photo does not exist' },
  'team.operation_in_future': {
    status: 400,
    zh: '上报时间晚于当前时间',
    en: 'An operation is dated in the future',
  },
} as const satisfies Record<string, ErrorDefinition>;
