/**
 * The one place that builds office files: Excel workbooks (exceljs) and Word documents (docx),
 * their header styling, China-time stamps, file names and `Content-Disposition`. Labels come
 * from the domain; a module gives columns and rows, never its own workbook code.
 */
export * from './download.ts';
export * from './xlsx.ts';
export * from './docx.ts';
export * from './list-export.ts';
export * from './list-routes.ts';
export * from './xlsx-import.ts';
