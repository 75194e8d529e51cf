/**
 * The id of `pulumi import trtc:index:PublishCdnStream NAME ID`. TRTC has no Describe call for relay tasks, so
 * the id carries all Pulumi can know of a running task: its application, its TaskId, and optionally the last
 * SequenceNumber an Update sent to it (which the next Update must exceed, spec §3.2).
 */

/** The accepted shapes, as error messages and docs spell them. */
export const IMPORT_ID_FORMAT = "<sdkAppId>/<taskId> or <sdkAppId>/<taskId>/<lastSequenceNumber>";

/** A TaskId in Tencent's documented shape (spec §2.3), for examples in messages. */
const EXAMPLE_TASK_ID = "-m97l2ZU7vxyBSmXYsRx1Xy9Kf4bVVfbbhSKC4K-4pycoZWKv542xbi139uTvGt1zAHoAQ..";

/** What an import id carries. */
export interface ImportId {
  /** The application (`SdkAppId`), a positive integer. */
  readonly sdkAppId: number;
  /** The TaskId Start returned, verbatim (base64-like: letters, digits, `+`, `-`, `.`). */
  readonly taskId: string;
  /**
   * The last SequenceNumber sent to the task, when the user knows it: a safe non-negative integer below
   * `Number.MAX_SAFE_INTEGER`, so that the next one (+1) is still exact.
   */
  readonly sequenceNumber?: number;
}

/** A malformed import id; the message says what an id looks like. Thrown before any API call. */
export class ImportIdError extends Error {
  constructor(id: string, reason: string) {
    super(
      `Import id ${JSON.stringify(id)} is not ${IMPORT_ID_FORMAT}: ${reason}. ` +
        `Example: 1400188366/${EXAMPLE_TASK_ID} (or, with the task's last SequenceNumber 20, ` +
        `1400188366/${EXAMPLE_TASK_ID}/20).`,
    );
    this.name = "ImportIdError";
  }
}

const DIGITS = /^\d+$/;

/**
 * Parses an import id. The SdkAppId is what precedes the first `/` and the SequenceNumber what follows the
 * second; a TaskId never contains `/` (Tencent writes base64's `/` as `-`), so three parts at most. Tolerated:
 * surrounding whitespace, and a percent-encoded TaskId (`%2B` for `+`, as a URL would carry it). Whitespace
 * inside is refused, since a `+` decoded as a space is the likely cause.
 * @throws {ImportIdError} naming the part that is wrong.
 */
export function parseImportId(raw: string): ImportId {
  const id = raw.trim();
  if (id === "") throw new ImportIdError(raw, "it is empty");
  if (/\s/.test(id)) {
    throw new ImportIdError(raw, "it contains whitespace (a TaskId has none; a `+` in it may have been decoded as a space)");
  }
  const parts = id.split("/");
  if (parts.length < 2) throw new ImportIdError(raw, "the SdkAppId and the TaskId must be separated by `/`");
  if (parts.length > 3) throw new ImportIdError(raw, `it has ${parts.length} parts separated by \`/\`; a TaskId contains no \`/\``);
  const [app, encodedTask, sequence] = parts;

  const sdkAppId = Number(app);
  if (!DIGITS.test(app) || !Number.isSafeInteger(sdkAppId) || sdkAppId <= 0) {
    throw new ImportIdError(raw, `the SdkAppId ${JSON.stringify(app)} must be the application's numeric id, a positive integer`);
  }

  let taskId = encodedTask;
  if (/%[0-9A-Fa-f]{2}/.test(taskId)) {
    try {
      taskId = decodeURIComponent(taskId);
    } catch {
      throw new ImportIdError(raw, "the TaskId holds a malformed percent-encoding");
    }
  }
  if (taskId === "") throw new ImportIdError(raw, "the TaskId is empty");
  if (/[\s/]/.test(taskId)) throw new ImportIdError(raw, "the TaskId, once percent-decoded, contains whitespace or `/`");

  if (sequence === undefined) return { sdkAppId, taskId };
  const sequenceNumber = Number(sequence);
  if (!DIGITS.test(sequence) || !Number.isSafeInteger(sequenceNumber + 1)) {
    throw new ImportIdError(
      raw,
      `the SequenceNumber ${JSON.stringify(sequence)} must be a non-negative integer below ${Number.MAX_SAFE_INTEGER} ` +
        "(the last one sent to the task with UpdatePublishCdnStream)",
    );
  }
  return { sdkAppId, taskId, sequenceNumber };
}
