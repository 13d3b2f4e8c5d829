// Reading a multipart upload into a staging folder: file parts streamed to disk under their own
// (checked) names, everything else reported the way the original's form validation does.
import type { FastifyRequest } from 'fastify';
import { isPlainFileName, type StagingFolder } from '../store/index.ts';
import { BodyParseError, UploadTooLargeError, type ValidationIssue } from './errors.ts';

export interface ReceivedUpload {
  /** Staged file names per form field, in the order received. */
  files: Map<string, string[]>;
  /** The text fields asked for, by name (the last value of each). */
  texts: Map<string, string>;
  issues: ValidationIssue[];
}

function isFileTooLarge(err: unknown): boolean {
  return err instanceof Error && (err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE';
}

/**
 * Stages the file parts of `fields` and keeps the text parts of `textFields` (other parts are read
 * and ignored). A file whose name has a directory part is refused and never written. A request
 * that is not multipart is an empty form.
 */
export async function receiveUpload(
  request: FastifyRequest,
  staging: StagingFolder,
  fields: readonly string[],
  limitBytes: number,
  textFields: readonly string[] = [],
): Promise<ReceivedUpload> {
  const files = new Map<string, string[]>(fields.map((f) => [f, []]));
  const texts = new Map<string, string>();
  const issues: ValidationIssue[] = [];
  if (!request.isMultipart()) return { files, texts, issues };
  try {
    for await (const part of request.parts()) {
      if (textFields.includes(part.fieldname)) {
        if (part.type === 'file') {
          part.file.resume();
          issues.push({ detail: 'Expected a text field, received a file', source: { pointer: `/${part.fieldname}` } });
        } else {
          texts.set(part.fieldname, String(part.value));
        }
        continue;
      }
      const list = files.get(part.fieldname);
      if (list === undefined) {
        if (part.type === 'file') part.file.resume();
        continue;
      }
      const pointer = part.fieldname === 'supportFiles' ? `/supportFiles/${list.length}` : `/${part.fieldname}`;
      if (part.type !== 'file' || !part.filename) {
        if (part.type === 'file') part.file.resume();
        issues.push({ detail: "Expected UploadFile, received: <class 'str'>", source: { pointer } });
        list.push('');
        continue;
      }
      if (!isPlainFileName(part.filename)) {
        part.file.resume();
        issues.push({
          detail: `File name '${part.filename}' is not allowed: it must be a plain file name, without directories`,
          source: { pointer },
        });
        list.push(part.filename);
        continue;
      }
      await staging.writeStream(part.filename, part.file);
      if (part.file.truncated) throw new UploadTooLargeError(limitBytes);
      list.push(part.filename);
    }
  } catch (err) {
    if (isFileTooLarge(err)) throw new UploadTooLargeError(limitBytes);
    if (err instanceof Error && typeof (err as { statusCode?: number }).statusCode === 'number') throw err;
    if (err instanceof UploadTooLargeError) throw err;
    request.log.warn({ err }, "multipart parse failed");
    throw new BodyParseError();
  }
  return { files, texts, issues };
}
