/** The campaign roll-up's labels (按县、按负责单位汇总), kept apart so i18n.ts stays small. */
export const rollupZh = {
  title: '按县、按负责单位汇总',
  export: '导出汇总',
  closed: '已销号',
  percent: '验收率',
  tooltip: '{name}：整治对象 {objects}，已销号 {closed}，已验收 {verified}',
  bands: { none: '无整治对象', low: '验收率低于 50%', mid: '50%–79%', high: '80%–99%', done: '全部验收' },
};

export const rollupEn = {
  title: 'By county and by unit',
  export: 'Export the roll-up',
  closed: 'Closed',
  percent: 'Verified %',
  tooltip: '{name}: {objects} objects, {closed} closed, {verified} verified',
  bands: {
    none: 'No objects',
    low: 'Below 50 % verified',
    mid: '50–79 %',
    high: '80–99 %',
    done: 'All verified',
  },
};
