/**
 * The Pulumi behaviour table (tests/e2e/behaviour/) for the native provider plugin `pulumi-resource-trtc`
 * driven from TypeScript through the generated Node SDK: the same rows as behaviour.test.ts runs for the
 * dynamic resource, with the native adapter (behaviour/native-plugin.ts).
 */
import "./harness";
import { nativeTs } from "./behaviour/native-plugin";
import { behaviourSuite } from "./behaviour/suite";
import { ROWS } from "./behaviour/table";

behaviourSuite(nativeTs, ROWS);
