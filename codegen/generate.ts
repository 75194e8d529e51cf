/**
 * Everything the generator writes, computed in memory: `npm run generate` writes it (cli.ts) and the
 * staleness test compares it with the committed files without writing anything.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Site } from "../trtc/schema";
import type { RequestSchemas } from "../trtc/schema/requests";
import { argsFiles } from "./args-types";
import { checkConsistency } from "./consistency";
import { biomeFormat } from "./format";
import { configurationTable } from "./config-table";
import { replaceSection } from "./markers";
import { buildModel } from "./model";
import { packageSchema } from "./package-schema";
import { argumentReference, changeSummary, changeTable } from "./resource-docs";

/** Where the package schema is committed; the native provider plugin serves this file. */
export const SCHEMA_PATH = "provider/schema.json";

/** Options of {@link generate}. */
export interface GenerateOptions {
  /** The repository root (for hand-written files with generated sections, package.json and Biome). */
  readonly root: string;
  /** The schema sets to generate from; the real ones by default (tests pass altered ones). */
  readonly schemas?: Readonly<Record<Site, RequestSchemas>>;
}

/** Every generated file's full, formatted content, by path relative to the root. */
export async function generate({ root, schemas }: GenerateOptions): Promise<Map<string, string>> {
  const model = buildModel(schemas);
  checkConsistency(model);
  const read = (path: string): string => readFileSync(join(root, path), "utf8");
  const { version } = JSON.parse(read("package.json")) as { version: string };

  const raw = new Map<string, string>(argsFiles(model));
  raw.set(SCHEMA_PATH, `${JSON.stringify(packageSchema(model, version), null, 2)}\n`);
  let resourceDoc = replaceSection(read("docs/RESOURCE.md"), "docs/RESOURCE.md", "arguments", argumentReference(model));
  resourceDoc = replaceSection(resourceDoc, "docs/RESOURCE.md", "update-or-replace", changeTable(model));
  resourceDoc = replaceSection(
    resourceDoc,
    "docs/RESOURCE.md",
    "configuration",
    configurationTable(),
    "provider/config.ts or provider/config-docs.ts",
  );
  raw.set("docs/RESOURCE.md", resourceDoc);
  raw.set("README.md", replaceSection(read("README.md"), "README.md", "update-or-replace", changeSummary(model)));

  const formatted = await Promise.all([...raw].map(async ([path, text]) => [path, await biomeFormat(root, path, text)] as const));
  return new Map(formatted);
}
