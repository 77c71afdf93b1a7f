// Catalog files come from Excel as often as not: UTF-8 (with or without a BOM) or, from older
// Chinese Windows, GBK. The server takes UTF-8, so the browser decodes the bytes first.

/** The text of a CSV file, decoded as UTF-8 when it is valid UTF-8, else as GB18030 (GBK). */
export function decodeCsv(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(view);
  } catch {
    text = new TextDecoder('gb18030').decode(view);
  }
  return text.replace(/^\uFEFF/, '');
}
