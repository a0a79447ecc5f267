import { describe, expect, it } from 'vitest';
import { safeCell, unescapeCell } from './xlsx.ts';

describe('cells a spreadsheet would run as formulas', () => {
  it('an export puts a quote before them, and an import takes it off again', () => {
    for (const text of ['=SUM(A1)', '+86 877', '-15%', '@user', '下降 15%', "'plain", ''])
      expect(unescapeCell(String(safeCell(text)))).toBe(text);
    expect(safeCell('-15%')).toBe("'-15%");
    expect(unescapeCell("'引号开头")).toBe("'引号开头");
  });
});
