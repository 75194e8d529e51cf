/**
 * The Pulumi behaviour table (tests/e2e/behaviour/) for the native provider plugin `pulumi-resource-trtc`
 * declared in Pulumi YAML; rows whose programs YAML cannot say (an apply, an option pulumi-yaml lacks) are
 * reported not applicable with the reason. Rows the other front ends run once per robot-collision mode run here
 * in the default mode only: YAML drives the same plugin as behaviour-native-ts.test.ts, which runs them in both.
 */
import "./harness";
import { nativeYaml } from "./behaviour/native-plugin";
import { behaviourSuite } from "./behaviour/suite";
import { ROWS } from "./behaviour/table";

behaviourSuite(nativeYaml, ROWS, { defaultCollisionModeOnly: true });
