/**
 * docs/RESOURCE.md's configuration table names every setting the provider reads, under each of its
 * spellings (issue 19 item 7: `trtc:requestTimeoutMs` / `TRTC_REQUEST_TIMEOUT_MS` were missing while the
 * table was hand-written). The table is generated (codegen/config-table.ts); generated.test.ts catches a
 * stale copy, this test what the table must say.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { configurationTable } from "../../codegen/config-table";
import { SETTINGS, SETTING_NAMES } from "../../provider/config";
import { SETTING_DOCS } from "../../provider/config-docs";

const doc = readFileSync(join(__dirname, "..", "..", "docs", "RESOURCE.md"), "utf8");
const section = doc.slice(doc.indexOf("<!-- BEGIN GENERATED configuration"), doc.indexOf("<!-- END GENERATED configuration"));
const rowOf = (name: string): string | undefined => section.split("\n").find((line) => line.startsWith(`| \`${name}\``));

test("the committed section is the generated table", () => {
  expect(section).toContain(configurationTable());
});

test.each(SETTING_NAMES)("%s: a row with its stack-config key, the plugin's key and its environment variable", (name) => {
  const row = rowOf(name);
  expect(row).toBeDefined();
  for (const spelling of [SETTINGS[name].stackKey, `trtc:${name}`, SETTINGS[name].env]) expect(row).toContain(`\`${spelling}\``);
  expect(row).toContain(SETTING_DOCS[name].secret ? "secret" : SETTING_DOCS[name].description.slice(0, 20));
});

test("trtc:requestTimeoutMs and TRTC_REQUEST_TIMEOUT_MS are documented, with their bounds", () => {
  expect(rowOf("requestTimeoutMs")).toMatch(/`trtc:requestTimeoutMs`.*`TRTC_REQUEST_TIMEOUT_MS`.*from 100 to 600000/);
});
