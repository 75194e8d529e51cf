/**
 * A Pulumi stack on this machine with no logins: a `file://` backend, the passphrase secrets provider,
 * an isolated PULUMI_HOME, and the TRTC endpoint and credentials set as stack config.
 *
 * Programs run as Automation API inline programs: the function an example default-exports, or one a test
 * or benchmark builds with changing arguments. `pulumi up` in an example directory (through the Node.js
 * language host that scripts/ensure-pulumi.sh builds) runs the same function.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { LocalWorkspace, type PulumiFn, type Stack, type ConfigMap } from "@pulumi/pulumi/automation";
import { ownSubchannels } from "./own-subchannels";

/** Options of {@link openLocalStack}. */
export interface LocalStackOptions {
  /** Project name; also the namespace of unqualified config keys. */
  projectName: string;
  /** Stack name, e.g. `dev`. */
  stackName: string;
  /** The Pulumi program (an example's default export). */
  program: PulumiFn;
  /** Directory that holds the backend (`backend/`) and PULUMI_HOME (`home/`); created when missing. */
  stateDir: string;
  /** TRTC endpoint for `trtc:endpoint`, e.g. the emulator's URL. */
  endpoint: string;
  /** API credentials; stored as stack config, the key as a secret. */
  credentials: { secretId: string; secretKey: string; token?: string };
  /** `tencentcloud:region`. Default `ap-guangzhou`. */
  region?: string;
  /** More stack config. */
  config?: ConfigMap;
  /** Passphrase of the stack's secrets provider. Default `trtc-local`. */
  passphrase?: string;
  /** Extra environment for the CLI and the dynamic-provider process. */
  envVars?: Record<string, string>;
  /** The `node_modules` the program and the dynamic provider resolve packages from. Default: this package's. */
  nodeModules?: string;
}

/** The file-backend state file of a stack opened by {@link openLocalStack}. */
export function stateFilePath(stateDir: string, projectName: string, stackName: string): string {
  return path.join(stateDir, "backend", ".pulumi", "stacks", projectName, `${stackName}.json`);
}

/** Creates or selects the stack and sets its config; the caller runs preview/up/refresh/destroy. */
export async function openLocalStack(opts: LocalStackOptions): Promise<Stack> {
  // The program runs in this process: its engine connections must not inherit an exited engine's subchannel.
  ownSubchannels();
  const backend = path.join(opts.stateDir, "backend");
  const home = path.join(opts.stateDir, "home");
  fs.mkdirSync(backend, { recursive: true });
  fs.mkdirSync(home, { recursive: true });
  // The CLI runs in the workspace directory and starts the dynamic-provider launcher there, which resolves
  // @pulumi/pulumi and this package from that directory's node_modules: give it ours.
  const workDir = path.join(opts.stateDir, "work", `${opts.projectName}-${opts.stackName}`);
  fs.mkdirSync(workDir, { recursive: true });
  const link = path.join(workDir, "node_modules");
  if (!fs.existsSync(link))
    fs.symlinkSync(opts.nodeModules ?? path.resolve(path.dirname(require.resolve("@pulumi/pulumi/package.json")), "..", ".."), link, "dir");
  const backendUrl = `file://${backend}`;
  const stack = await LocalWorkspace.createOrSelectStack(
    { projectName: opts.projectName, stackName: opts.stackName, program: opts.program },
    {
      workDir,
      pulumiHome: home,
      secretsProvider: "passphrase",
      projectSettings: { name: opts.projectName, runtime: "nodejs", backend: { url: backendUrl } },
      envVars: {
        PULUMI_BACKEND_URL: backendUrl,
        PULUMI_CONFIG_PASSPHRASE: opts.passphrase ?? "trtc-local",
        PULUMI_SKIP_UPDATE_CHECK: "true",
        PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
        ...opts.envVars,
      },
    },
  );
  const config: ConfigMap = {
    "trtc:endpoint": { value: opts.endpoint },
    "tencentcloud:region": { value: opts.region ?? "ap-guangzhou" },
    "tencentcloud:secretId": { value: opts.credentials.secretId },
    "tencentcloud:secretKey": { value: opts.credentials.secretKey, secret: true },
    ...(opts.credentials.token ? { "tencentcloud:securityToken": { value: opts.credentials.token, secret: true } } : {}),
    ...opts.config,
  };
  await stack.setAllConfig(config);
  return stack;
}
