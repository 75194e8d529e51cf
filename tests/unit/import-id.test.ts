/**
 * The id of `pulumi import trtc:index:PublishCdnStream NAME ID`: `<sdkAppId>/<taskId>` with an optional
 * `/<lastSequenceNumber>`. TaskIds carry `+`, `-` and `.`; a malformed id is refused naming the part and
 * showing what an id looks like.
 */
import { IMPORT_ID_FORMAT, ImportIdError, parseImportId } from "../../provider/lifecycle/import-id";

const TASK = "-m97l2ZU7kOlV5cTRMoU6yoGp2nDYkzbJ13EC4K-4pycoZXVv+XVrNoUXQ8++8Z2PwUlAQ..";

test("two parts: the SdkAppId and the TaskId verbatim, `+`, `-` and `.` included", () => {
  expect(parseImportId(`1400188366/${TASK}`)).toEqual({ sdkAppId: 1400188366, taskId: TASK });
});

test("three parts: the last SequenceNumber the task applied", () => {
  expect(parseImportId(`1400188366/${TASK}/20`)).toEqual({ sdkAppId: 1400188366, taskId: TASK, sequenceNumber: 20 });
  expect(parseImportId(`1400188366/${TASK}/0`).sequenceNumber).toBe(0);
  // The largest whose successor is still exact.
  const top = Number.MAX_SAFE_INTEGER - 1;
  expect(parseImportId(`1/${TASK}/${top}`).sequenceNumber).toBe(top);
});

test("tolerated: surrounding whitespace, and a percent-encoded TaskId as a URL carries it", () => {
  expect(parseImportId(`  1400188366/${TASK}\n`).taskId).toBe(TASK);
  expect(parseImportId(`1400188366/${encodeURIComponent(TASK)}`).taskId).toBe(TASK);
  // A `%` that starts no encoding is left as it is.
  expect(parseImportId("1400188366/abc%2").taskId).toBe("abc%2");
});

test.each([
  ["", /it is empty/],
  [TASK, /must be separated by `\/`/],
  [`1400188366/${TASK}/20/1`, /4 parts .*a TaskId contains no `\/`/],
  [`app/${TASK}`, /SdkAppId "app" must be the application's numeric id/],
  [`0/${TASK}`, /SdkAppId "0" must be .* positive integer/],
  [`-1/${TASK}`, /SdkAppId "-1"/],
  [`1400188366.5/${TASK}`, /SdkAppId "1400188366.5"/],
  ["1400188366/", /the TaskId is empty/],
  ["1400188366//20", /the TaskId is empty/],
  [`1400188366/${TASK.replace("+", " ")}`, /whitespace .*a `\+` in it may have been decoded as a space/],
  ["1400188366/abc%E0%A4%A", /malformed percent-encoding/],
  ["1400188366/abc%2Fdef", /once percent-decoded, contains whitespace or `\/`/],
  [`1400188366/${TASK}/`, /SequenceNumber "" must be a non-negative integer/],
  [`1400188366/${TASK}/-1`, /SequenceNumber "-1"/],
  [`1400188366/${TASK}/1e3`, /SequenceNumber "1e3"/],
  [`1400188366/${TASK}/${Number.MAX_SAFE_INTEGER}`, /SequenceNumber "9007199254740991" must be .* below 9007199254740991/],
])("%j is refused: %s", (id, reason) => {
  const error = (() => {
    try {
      parseImportId(id);
    } catch (e) {
      return e as Error;
    }
    throw new Error(`accepted ${id}`);
  })();
  expect(error).toBeInstanceOf(ImportIdError);
  expect(error.message).toMatch(reason);
  // Every refusal says what an id looks like, with a real-looking example.
  expect(error.message).toContain(IMPORT_ID_FORMAT);
  expect(error.message).toMatch(/Example: 1400188366\/\S+\.\. \(or, with the task's last SequenceNumber 20, 1400188366\/\S+\/20\)/);
});
