/**
 * Township-level units of Yuxi (统计用区划代码 2023, NBS; cut-off 2023-06-30): county code + 3
 * digits. 76 units. Centre points are not part of the code list; see schematic-layout in the server.
 */
export interface Township {
  readonly code: string;
  readonly county: string;
  readonly nameZh: string;
}

const table: Record<string, string> = {
  '530402':
    '001 玉兴街道、002 凤凰街道、003 玉带街道、004 北城街道、005 春和街道、006 李棋街道、007 大营街街道、008 研和街道、009 高仓街道、201 小石桥彝族乡、202 洛河彝族乡',
  '530403':
    '001 星云街道、002 宁海街道、101 江城镇、102 前卫镇、103 九溪镇、104 路居镇、201 安化彝族乡、202 雄关乡',
  '530423':
    '001 秀山街道、002 九龙街道、101 杨广镇、102 河西镇、103 四街镇、104 纳古镇、201 里山彝族乡、202 高大傣族彝族乡、203 兴蒙蒙古族乡',
  '530424': '001 宁州街道、102 盘溪镇、103 华溪镇、104 青龙镇、201 通红甸彝族苗族乡',
  '530425':
    '001 龙泉街道、002 六街街道、100 绿汁镇、201 浦贝彝族乡、202 十街彝族乡、203 铜厂彝族乡、204 小街乡',
  '530426':
    '001 双江街道、002 小街街道、103 甸中镇、104 化念镇、105 塔甸镇、201 岔河乡、202 大龙潭乡、203 富良棚乡',
  '530427':
    '001 桂山街道、002 古城街道、100 扬武镇、101 漠沙镇、102 戛洒镇、103 水塘镇、200 平甸乡、201 新化乡、202 建兴乡、203 老厂乡、204 者竜乡、205 平掌乡',
  '530428':
    '001 红河街道、002 澧江街道、003 甘庄街道、101 曼来镇、102 因远镇、201 龙潭乡、202 羊街乡、203 那诺乡、204 洼垤乡、205 咪哩乡',
  '530481': '001 凤麓街道、002 龙街街道、101 右所镇、102 阳宗镇、103 海口镇、104 九村镇',
};

export const yuxiTownships: readonly Township[] = Object.entries(table).flatMap(([county, list]) =>
  list.split('、').map((entry) => {
    const [suffix, nameZh] = entry.split(' ') as [string, string];
    return { code: `${county}${suffix}`, county, nameZh };
  }),
);

export function findTownship(code: string): Township | undefined {
  return yuxiTownships.find((township) => township.code === code);
}
