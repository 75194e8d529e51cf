/**
 * `npm start`: the main job. Starts the TRTC emulator (state kept in .trtc-local/), deploys the root
 * Pulumi project (Pulumi.yaml -> the quickstart example) with `pulumi up` on a local file backend with a
 * passphrase, no logins, then prints the TaskId and what the emulator now runs.
 *
 * Flags (OPTIONS below; anything else is refused, naming it): `--serve` keeps the emulator running
 * afterwards (Ctrl-C to stop); `--destroy` tears the stack down instead of deploying it.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { LocalWorkspace } from "@pulumi/pulumi/automation";
import { emulatorControl, startEmulator } from "../emulator";
import { CommandLineError, type CommandLineSpec, parseCommandLine } from "../harness/command-line";
import { redactText } from "../trtc/redact";

const ROOT = path.resolve(__dirname, "../..");
const LOCAL = path.join(ROOT, ".trtc-local");
const PORT = Number(process.env.TRTC_EMULATOR_PORT ?? 9470);
const STACK = process.env.TRTC_QUICKSTART_STACK ?? "quickstart";

/** The command line of `npm start -- ...`. */
const OPTIONS = {
  serve: { kind: "switch", help: "keep the emulator (and its dashboard) running afterwards; Ctrl-C stops it" },
  destroy: { kind: "switch", help: "tear the stack down instead of deploying it" },
} as const satisfies CommandLineSpec;

async function main(): Promise<void> {
  const args = parseCommandLine("npm start", process.argv.slice(2), OPTIONS);
  fs.mkdirSync(path.join(LOCAL, "backend"), { recursive: true });
  // A fixed port and a data file: the endpoint recorded in state stays the same, so a second `npm start`
  // finds the same running task and changes nothing.
  const emulator = await startEmulator({ port: PORT, dataFile: path.join(LOCAL, "emulator.json") }).catch((e: Error) => {
    throw new Error(`could not start the emulator on port ${PORT} (${e.message}); set TRTC_EMULATOR_PORT to a free port`);
  });
  console.log(`emulator: ${emulator.url} (state in .trtc-local/emulator.json)`);
  try {
    const stack = await LocalWorkspace.createOrSelectStack(
      { stackName: STACK, workDir: ROOT },
      {
        pulumiHome: path.join(LOCAL, "pulumi-home"),
        secretsProvider: "passphrase",
        envVars: {
          PULUMI_BACKEND_URL: `file://${path.join(LOCAL, "backend")}`,
          PULUMI_CONFIG_PASSPHRASE: process.env.PULUMI_CONFIG_PASSPHRASE ?? "trtc-local",
          PULUMI_SKIP_UPDATE_CHECK: "true",
          PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
          // Credentials and endpoint through the environment, as a CI job against real TRTC would pass them.
          TRTC_ENDPOINT: emulator.url,
          TENCENTCLOUD_SECRET_ID: emulator.secretId,
          TENCENTCLOUD_SECRET_KEY: emulator.secretKey,
          TENCENTCLOUD_REGION: "ap-guangzhou",
        },
      },
    );
    const onOutput = (s: string) => process.stdout.write(s);
    if (args.destroy) {
      await stack.destroy({ onOutput });
    } else {
      const result = await stack.up({ onOutput });
      console.log("\nstack outputs:");
      for (const [k, v] of Object.entries(result.outputs)) console.log(`  ${k}: ${v.secret ? "[secret]" : JSON.stringify(v.value)}`);
    }
    const { tasks } = await emulatorControl<{ tasks: Array<Record<string, any>> }>(emulator.url, "GET", "tasks");
    const running = tasks.filter((t) => t.Status === "running");
    console.log(`\nthe emulator runs ${running.length} task(s):`);
    for (const t of running) {
      const targets = (t.Params.PublishCdnParams ?? []).map((p: any) => redactText(p.PublishCdnUrl));
      const rooms = (t.Params.FeedBackRoomParams ?? []).map((p: any) => `room ${p.RoomId}`);
      console.log(
        `  ${t.TaskId}\n    room ${t.RoomId} (SdkAppId ${t.SdkAppId}), robot ${t.Params.AgentParams?.UserId}, sequence ${t.SequenceNumber ?? "-"}`,
      );
      console.log(`    relays to: ${[...targets, ...rooms].join(", ") || "(nothing)"}`);
    }
    if (args.serve) {
      console.log(`\nemulator still serving at ${emulator.url} (control API under /_emulator/); Ctrl-C to stop`);
      await new Promise<void>((resolve) => process.once("SIGINT", () => resolve()));
    }
  } finally {
    await emulator.close();
  }
}

main().catch((e: unknown) => {
  if (e instanceof CommandLineError) {
    console.error(e.message);
    process.exit(2);
  }
  console.error(`npm start failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
