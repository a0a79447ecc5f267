import ExcelJS from 'exceljs';

/** The first sheet of an .xlsx answer as rows of cell texts (header row first). */
export async function readWorkbook(payload: Buffer): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(payload as unknown as ArrayBuffer);
  const rows: string[][] = [];
  book.worksheets[0]!.eachRow((row) =>
    rows.push(
      Array.from((row.values as unknown[]).slice(1), (v) => (v === null || v === undefined ? '' : String(v))),
    ),
  );
  return rows;
}
