import { describe, expect, it } from 'vitest';
import { declaredChemicals, draftFromDeclared, matchDeclaredSubstance } from './incident-inventory.ts';

const row = (
  over: Partial<{ substance: string; nameZh: string; nameEn: string; cas: string[]; quantityTonnes: string }>,
) => ({
  substance: '',
  nameZh: '',
  nameEn: '',
  cas: [] as string[],
  quantityTonnes: '1',
  ...over,
});

describe('declared inventory for the consequence panel', () => {
  it('matches a declared substance by CAS first, then by its names, and leaves unknown ones unmodelled', () => {
    expect(
      matchDeclaredSubstance(row({ substance: '7782-50-5', nameZh: '氯', cas: ['7782-50-5'] }))?.key,
    ).toBe('chlorine');
    // Typed as a full-width CAS with no GB 18218 name match in the table.
    expect(
      matchDeclaredSubstance(row({ substance: 'x', nameZh: '某物', cas: ['７６６４－４１－７'] }))?.key,
    ).toBe('ammonia');
    expect(matchDeclaredSubstance(row({ substance: 'LPG', nameZh: '液化石油气' }))?.key).toBe('lpg');
    expect(matchDeclaredSubstance(row({ substance: '液氯', nameZh: '' }))?.key).toBe('chlorine');
    expect(
      matchDeclaredSubstance(
        row({ substance: '硝酸铵', nameZh: '硝酸铵', nameEn: 'Ammonium nitrate', cas: ['6484-52-2'] }),
      ),
    ).toBeNull();
  });

  it('lists every unit’s rows with unit name and quantity, the modelled ones first within a unit', () => {
    const list = declaredChemicals([
      {
        id: 'u1',
        name: '液氯库房',
        inventory: [
          row({
            substance: '硝酸铵',
            nameZh: '硝酸铵',
            nameEn: 'Ammonium nitrate',
            cas: ['6484-52-2'],
            quantityTonnes: '50',
          }),
          row({
            substance: '液氯',
            nameZh: '氯',
            nameEn: 'Chlorine',
            cas: ['7782-50-5'],
            quantityTonnes: '12.5',
          }),
        ],
      },
      {
        id: 'u2',
        name: '液化气罐区',
        inventory: [row({ substance: '液化石油气', nameZh: '液化石油气', quantityTonnes: '80' })],
      },
    ]);
    expect(list.map((d) => [d.key, d.unitName, d.nameZh, d.quantityTonnes, d.chemical?.key ?? null])).toEqual(
      [
        ['u1:1', '液氯库房', '氯', '12.5', 'chlorine'],
        ['u1:0', '液氯库房', '硝酸铵', '50', null],
        ['u2:0', '液化气罐区', '液化石油气', '80', 'lpg'],
      ],
    );
  });

  it('prefills the chemical and the declared quantity in kg as release mass and fuel mass', () => {
    const [chlorine, lpg, nitrate] = declaredChemicals([
      {
        id: 'u1',
        name: '库房',
        inventory: [
          row({ nameZh: '氯', cas: ['7782-50-5'], quantityTonnes: '12.5' }),
          row({ nameZh: '硝酸铵', cas: ['6484-52-2'] }),
          row({ nameZh: '液化石油气', quantityTonnes: '20000' }),
        ],
      },
    ]);
    expect(draftFromDeclared(chlorine!)).toEqual({ chemical: '氯', massKg: 12_500, fuelMassKg: 12_500 });
    expect(draftFromDeclared(nitrate!)).toBeNull();
    // 20 000 t exceeds what the fuel field accepts: capped at its maximum, the mass is not.
    expect(draftFromDeclared(lpg!)).toEqual({ chemical: '液化石油气', massKg: 2e7, fuelMassKg: 1e7 });
  });
});
