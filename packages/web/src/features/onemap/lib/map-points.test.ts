import { describe, expect, it } from 'vitest';
import { parseEnterprisePoints, searchByName } from './map-points.ts';

describe('parseEnterprisePoints', () => {
  it('reads the compact answer by column name and drops points without a position', () => {
    const points = parseEnterprisePoints({
      columns: ['id', 'lon', 'lat', 'sector', 'name', 'status', 'demo'],
      points: [
        ['a', 102.75, 24.29, 'fireworks', '江川烟花', 'operating', true],
        ['b', null, 24.29, null, '无坐标', 'operating', false],
        ['c', '102.5', '24.3', null, '红塔', 'closed', false],
      ],
    });
    expect(points).toEqual([
      {
        id: 'a',
        lon: 102.75,
        lat: 24.29,
        sector: 'fireworks',
        name: '江川烟花',
        status: 'operating',
        demo: true,
      },
      { id: 'c', lon: 102.5, lat: 24.3, sector: null, name: '红塔', status: 'closed', demo: false },
    ]);
  });

  it('follows the columns when the server reorders them', () => {
    const [point] = parseEnterprisePoints({
      columns: ['name', 'id', 'demo', 'status', 'sector', 'lat', 'lon'],
      points: [['星云', 'x', false, 'suspended', 'other', 24.3, 102.8]],
    });
    expect(point).toMatchObject({ id: 'x', name: '星云', lon: 102.8, lat: 24.3, sector: 'other' });
  });
});

describe('searchByName', () => {
  const items = [{ name: '玉溪星云化工' }, { name: '星云湖渔业' }, { name: '星云' }, { name: 'Yuxi Star' }];

  it('puts exact names first, then prefixes, then the rest', () => {
    expect(searchByName(items, '星云').map((i) => i.name)).toEqual(['星云', '星云湖渔业', '玉溪星云化工']);
  });

  it('ignores case and spaces, and limits the list', () => {
    expect(searchByName(items, 'yuxi  star').map((i) => i.name)).toEqual(['Yuxi Star']);
    expect(searchByName(items, '星', 2)).toHaveLength(2);
    expect(searchByName(items, '  ')).toEqual([]);
  });
});
