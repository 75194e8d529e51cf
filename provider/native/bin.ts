/** The plugin process: `node bin.js <engine address>` (the bundle's entry; see main.ts). */
import { main } from "./main";

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(`pulumi-resource-trtc: ${(e as Error).stack ?? e}`);
  process.exit(1);
});
