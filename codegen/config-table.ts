/**
 * docs/RESOURCE.md's configuration table, from the one settings table (provider/config.ts: where each
 * setting is read) and its descriptions (provider/config-docs.ts: type, secrecy, default, meaning), so a
 * setting the provider reads cannot be missing from the docs.
 */
import { SETTINGS, SETTING_NAMES } from "../provider/config";
import { SETTING_DOCS } from "../provider/config-docs";
import { cell } from "./text";

const code = (s: string): string => `\`${s}\``;

/**
 * One row per setting: the dynamic resource's stack-config key, the provider plugin's (`trtc:<name>`), the
 * environment variable, the default and the meaning; secret ones say to set them with `--secret`.
 */
export function configurationTable(): string {
  const rows = SETTING_NAMES.map((name) => {
    const { stackKey, env } = SETTINGS[name];
    const doc = SETTING_DOCS[name];
    const secret = doc.secret ? " (secret: set with `--secret`)" : "";
    const fallback = doc.default === undefined ? "none" : code(String(doc.default));
    return `| ${code(name)}${secret} | ${code(stackKey)} | ${code(`trtc:${name}`)} | ${code(env)} | ${fallback} | ${cell(doc.description)} |`;
  });
  return [
    "| Setting | Stack config (dynamic resource) | Stack config (provider plugin) | Environment | Default | Meaning |",
    "| --- | --- | --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}
