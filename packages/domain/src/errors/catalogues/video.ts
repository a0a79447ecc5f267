import type { ErrorDefinition } from '../error-definition.ts';

export const videoErrors = {
  'video.camera_not_found': { status: 404, zh: '摄像机不存在', en: 'No such camera' },
  'video.code_taken': {
    status: 409,
    zh: '该摄像机编号已登记',
    en: 'This camera number is already registered',
  },
  'video.gateway_unknown': { status: 400, zh: '未配置该视频网关', en: 'No such video gateway is configured' },
  'video.stream_ref_invalid': {
    status: 400,
    zh: '视频流地址与网关类型不符',
    en: 'The stream reference does not fit the gateway’s kind',
  },
  'video.object_mismatch': {
    status: 400,
    zh: '监管对象不存在或不属于该企业',
    en: 'The regulated object does not exist or belongs to another enterprise',
  },
  'video.owner_required': {
    status: 400,
    zh: '摄像机须属于一个企业，或监看一个地质灾害隐患点、森林火险区（无企业的监管对象）',
    en: 'A camera belongs to an enterprise, or watches a geological-hazard site or forest-fire risk area (which has no enterprise)',
  },
  'video.point_mismatch': {
    status: 400,
    zh: '监测点不存在或不属于该企业',
    en: 'The monitoring point does not exist or belongs to another enterprise',
  },
  'video.alarm_not_found': { status: 404, zh: '报警不存在', en: 'No such alarm' },
  'video.incident_not_found': { status: 404, zh: '事故不存在', en: 'No such incident' },
  'video.alarm_without_position': {
    status: 409,
    zh: '报警所在场所没有坐标，无法查找附近摄像机',
    en: 'The alarm’s site has no position, so no nearby cameras can be found',
  },
  'video.gateway_unavailable': {
    status: 502,
    zh: '视频网关无法连接或拒绝播放，请稍后重试',
    en: 'The video gateway cannot be reached or refused to play; try again later',
  },
  'video.snapshot_failed': {
    status: 502,
    zh: '未能从视频流截取画面，请稍后重试',
    en: 'No frame could be taken from the stream; try again later',
  },
  'video.test_stream_missing': {
    status: 404,
    zh: '测试视频流未运行（本机未安装视频转码程序）',
    en: 'The test stream is not running (ffmpeg is not installed)',
  },
} as const satisfies Record<string, ErrorDefinition>;
