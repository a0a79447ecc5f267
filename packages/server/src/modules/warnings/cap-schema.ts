import { readFileSync } from 'node:fs';
import path from 'node:path';
import { validateXML } from 'xmllint-wasm';

/** The OASIS CAP 1.2 schema (© OASIS Open 2010), kept verbatim beside this file. */
const capXsd = readFileSync(path.join(import.meta.dirname, 'cap12.xsd'), 'utf8');

/**
 * Validates a document against the CAP 1.2 XSD with libxml2 (WASM, no system tool). libxml2 here
 * neither loads external entities nor the network; imports are refused earlier if they carry a DTD.
 */
export async function validateCap(xml: string): Promise<{ valid: boolean; errors: string[] }> {
  const result = await validateXML({
    xml: [{ fileName: 'message.xml', contents: xml }],
    schema: [{ fileName: 'cap12.xsd', contents: capXsd }],
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.message) };
}
