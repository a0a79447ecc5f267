import type { ErrorDefinition } from '../error-definition.ts';

/** 举报奖励 (issue 16): the public intake, the query code and the bureau's handling. */
export const whistleblowingErrors = {
  'whistle.not_found': { status: 404, zh: '举报不存在', en: 'Report not found' },
  'whistle.lookup_failed': {
    status: 404,
    zh: '查询码或密码不正确',
    en: 'The query code or the secret is not correct',
  },
  'whistle.rate_limited': {
    status: 429,
    zh: '提交过于频繁，请稍后再试',
    en: 'Too many requests; try again later',
  },
  'whistle.captcha_required': {
    status: 400,
    zh: '请输入图形验证码',
    en: 'Enter the characters shown in the picture',
  },
  'whistle.captcha_invalid': {
    status: 400,
    zh: '图形验证码错误或已过期，请重新输入',
    en: 'The picture code is wrong or has expired; try the new one',
  },
  'whistle.identity_mismatch': {
    status: 400,
    zh: '实名举报须填写身份信息，匿名举报不得填写',
    en: 'A real-name report needs the identity; an anonymous one must not carry it',
  },
  'whistle.pin_incomplete': {
    status: 400,
    zh: '地图定位须同时包含经度和纬度',
    en: 'A map pin needs both its longitude and its latitude',
  },
  'whistle.pin_outside_city': {
    status: 400,
    zh: '定位点不在玉溪市范围内，请在玉溪市内选点，或只填写地址',
    en: 'The pin is outside Yuxi; drop it inside the city, or give the address only',
  },
  'whistle.id_number_invalid': {
    status: 400,
    zh: '身份证号码校验位不正确',
    en: 'The ID number’s check digit is wrong',
  },
  'whistle.photo_invalid': {
    status: 400,
    zh: '照片不存在或不属于本次举报',
    en: 'A photo does not exist or does not belong to this report',
  },
  'whistle.enterprise_not_found': {
    status: 400,
    zh: '所选企业不存在',
    en: 'The chosen enterprise does not exist',
  },
  'whistle.action_not_allowed': {
    status: 409,
    zh: '举报当前状态下不能进行此操作',
    en: 'This step is not possible in the report’s present state',
  },
  'whistle.linked_record_not_found': {
    status: 400,
    zh: '关联的执法检查或处罚案件不存在或不在本辖区',
    en: 'The linked inspection or penalty case does not exist or is outside your area',
  },
  'whistle.incident_not_found': {
    status: 404,
    zh: '关联的事故不存在或不在本辖区',
    en: 'The linked incident does not exist or is outside your area',
  },
  'whistle.incident_not_for_category': {
    status: 400,
    zh: '只有谎报瞒报事故的举报可以关联事故',
    en: 'Only a report of a concealed or falsely reported accident can be linked to an incident',
  },
  'whistle.reward_not_computable': {
    status: 409,
    zh: '无法计算奖励：核查结论不属实，或缺少罚款金额、死亡人数或事故等级',
    en: 'No reward can be computed: the report is untrue, or the fine, deaths or accident class is missing',
  },
  'whistle.same_approver': {
    status: 409,
    zh: '奖励须由提出人以外的两名不同人员审批',
    en: 'A reward needs two approvals by different people other than its proposer',
  },
  'whistle.identity_not_available': {
    status: 404,
    zh: '该举报为匿名举报，没有举报人身份信息',
    en: 'This report is anonymous; there is no identity',
  },
  'whistle.duplicate_self': {
    status: 409,
    zh: '不能把举报关联为它自己的重复举报',
    en: 'A report cannot be a duplicate of itself',
  },
  'whistle.duplicate_chain': {
    status: 409,
    zh: '只能关联到原始举报：所选举报本身是重复举报，或本举报已有重复举报关联到它',
    en: 'Link to the original report: the chosen one is itself a duplicate, or this report has duplicates of its own',
  },
  'whistle.duplicate_not_earlier': {
    status: 409,
    zh: '只能关联到更早收到的举报',
    en: 'A report can only be linked to one received earlier',
  },
  'whistle.duplicate_rewarded': {
    status: 409,
    zh: '该举报已提出奖励，不能再关联为重复举报',
    en: 'A reward has been proposed for this report; it can no longer be marked a duplicate',
  },
  'whistle.duplicate_not_rewarded': {
    status: 409,
    zh: '该举报是重复举报，奖励归首位有效举报人',
    en: 'This report is a duplicate; the reward goes to the first valid reporter',
  },
  'whistle.period_invalid': {
    status: 400,
    zh: '统计期间的开始日期不能晚于结束日期',
    en: 'The period’s first day cannot be after its last',
  },
  'whistle.objection_not_open': {
    status: 409,
    zh: '本局尚未作出可提出异议的决定',
    en: 'The bureau has made no decision yet that can be objected to',
  },
  'whistle.objection_window_closed': {
    status: 409,
    zh: '提出异议的期限已过，处理结果已为最终结果',
    en: 'The time to object has passed; the decision is final',
  },
  'whistle.objection_already_filed': {
    status: 409,
    zh: '已对本举报提出过异议，每件举报只能提出一次',
    en: 'An objection has already been made for this report; only one is possible',
  },
  'whistle.objection_reward_paid': {
    status: 409,
    zh: '奖励已发放，不能以异议成立为由重新核查',
    en: 'The reward has been paid; the case cannot be reopened for verification',
  },
  'whistle.sms_too_soon': {
    status: 429,
    zh: '验证码发送过于频繁，请稍后再获取',
    en: 'A code was sent to this phone a moment ago; wait before asking for another',
  },
  'whistle.sms_daily_quota': {
    status: 429,
    zh: '该手机号今日获取验证码次数已达上限，请明天再试',
    en: 'This phone has had as many codes as allowed today; try again tomorrow',
  },
  'whistle.sms_ip_quota': {
    status: 429,
    zh: '获取验证码过于频繁，请稍后再试',
    en: 'Too many codes asked for from this network; try again later',
  },
  'whistle.sms_unavailable': {
    status: 409,
    zh: '本平台未开通短信验证，无需获取验证码',
    en: 'This site sends no text messages; no code is needed',
  },
  'whistle.sms_code_required': {
    status: 400,
    zh: '实名举报请填写手机号并输入短信验证码',
    en: 'A real-name report needs a mobile number and the code sent to it',
  },
  'whistle.sms_code_invalid': {
    status: 400,
    zh: '短信验证码不正确，或已使用，请重新输入或重新获取',
    en: 'The text-message code is wrong or already used; enter it again or ask for a new one',
  },
  'whistle.sms_code_expired': {
    status: 400,
    zh: '短信验证码已过期或错误次数过多，请重新获取',
    en: 'The text-message code has expired or was entered wrongly too often; ask for a new one',
  },
} as const satisfies Record<string, ErrorDefinition>;
