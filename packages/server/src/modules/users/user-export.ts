import type { User } from '@anjian/domain';
import { countyNameZh } from '../../platform/county-name.ts';
import { cell, type ExportColumn } from '../../platform/office/index.ts';

function scopeZh(user: User): string {
  if (user.scope.kind === 'city') return '全市';
  if (user.scope.kind === 'county') return user.scope.counties.map(countyNameZh).join('、');
  return `企业（${user.organisation ?? countyNameZh(user.scope.county)}）`;
}

/** 用户列表 columns; phones stay masked exactly as the list shows them to this caller. */
export function userExportColumns(roleNames: Map<string, string>): ExportColumn<User>[] {
  return [
    { header: '用户名', width: 16, value: (u) => u.username },
    { header: '姓名', width: 12, value: (u) => u.displayName },
    { header: '手机号', width: 14, value: (u) => u.phone ?? '' },
    { header: '单位', width: 28, value: (u) => u.organisation ?? '' },
    { header: '角色', width: 24, value: (u) => u.roles.map((r) => roleNames.get(r) ?? r).join('、') },
    { header: '数据范围', width: 20, value: scopeZh },
    { header: '状态', width: 8, value: (u) => (u.status === 'active' ? '正常' : '停用') },
    { header: '已绑定动态口令', width: 14, value: (u) => cell.yesNo(u.totpEnrolled) },
    { header: '最近登录', width: 20, value: (u) => cell.dateTime(u.lastLoginAt) },
    { header: '创建时间', width: 20, value: (u) => cell.dateTime(u.createdAt) },
  ];
}
