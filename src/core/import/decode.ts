// Bytes -> text, refusing what is not a Markdown file before anything is parsed or written.
import { InvalidInputError, PayloadTooLargeError } from '../errors.js';

export const MAX_CHECKLIST_BYTES = 10 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The one refusal of a checklist over the limit, whether it is found by its size on disk or by its bytes. */
export function tooLarge(label: string, bytes: number): PayloadTooLargeError {
  return new PayloadTooLargeError(`${label} is ${(bytes / 1024 / 1024).toFixed(1)} MB; checklists over 10 MB are refused`);
}

/** Decodes a checklist file: UTF-8 only (a BOM is dropped), no NUL bytes, at most 10 MB. */
export function decodeChecklist(bytes: Uint8Array, label: string): string {
  if (bytes.byteLength > MAX_CHECKLIST_BYTES) throw tooLarge(label, bytes.byteLength);
  if (bytes.includes(0)) {
    throw new InvalidInputError(`${label} looks binary (it contains NUL bytes); expected a Markdown text file`);
  }
  try {
    return utf8.decode(bytes);
  } catch {
    throw new InvalidInputError(`${label} is not valid UTF-8; save it as UTF-8 and import again`);
  }
}
