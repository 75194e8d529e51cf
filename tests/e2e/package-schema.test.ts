/**
 * The committed package schema (provider/schema.json, generated) is one the Pulumi CLI accepts: `pulumi package
 * info` binds it with the engine's own schema binder (pkg/codegen/schema) and lists the resource. A schema with a
 * type Pulumi does not have is refused by the same command, so the check can fail. (The command tolerates a
 * dangling `$ref`; tests/unit/generated.test.ts checks those.)
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO } from "./harness";

const SCHEMA = join(REPO, "provider", "schema.json");

function packageInfo(schemaPath: string, ...args: string[]) {
  const home = mkdtempSync(join(tmpdir(), "package-schema-home-"));
  const r = spawnSync("pulumi", ["package", "info", schemaPath, ...args], {
    encoding: "utf8",
    env: { ...process.env, PULUMI_HOME: home, PULUMI_SKIP_UPDATE_CHECK: "true", PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true" },
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

test("pulumi package info binds the schema and lists the resource's inputs and outputs", () => {
  const { status, out } = packageInfo(SCHEMA, "-r", "PublishCdnStream");
  expect({ status, out }).toMatchObject({ status: 0 });
  expect(out).toContain("Resource: trtc:index:PublishCdnStream");
  for (const line of [
    "agentParams (trtc:index:AgentParams•Input*)",
    "sdkAppId (number*)",
    "roomIdType (integer*)",
    "videoParams (trtc:index:McuVideoParams•Input)",
    "publishCdnParams (Array<Input<trtc:index:McuPublishCdnParam•Input>>)",
    "taskId (string*)",
    "sequenceNumber (number*)",
    "finished (boolean)",
  ]) {
    expect(out).toContain(`- ${line}:`);
  }
});

test("negative control: a schema with a property of a type Pulumi does not have is refused", () => {
  const schema = JSON.parse(readFileSync(SCHEMA, "utf8"));
  schema.types["trtc:index:AgentParams"].properties.maxIdleTime.type = "int32";
  const broken = join(mkdtempSync(join(tmpdir(), "package-schema-")), "schema.json");
  writeFileSync(broken, JSON.stringify(schema));
  const { status, out } = packageInfo(broken);
  expect(status).not.toBe(0);
  expect(out).toContain("#/types/trtc:index:AgentParams/properties/maxIdleTime/type: unknown type kind int32");
});
