/**
 * The Pulumi behaviour table (tests/e2e/behaviour/) for the native provider plugin `pulumi-resource-trtc`
 * declared in Pulumi YAML; rows whose programs YAML cannot say (an apply, an option pulumi-yaml lacks) are
 * reported not applicable with the reason.
 */
import "./harness";
import { nativeYaml } from "./behaviour/native-plugin";
import { behaviourSuite } from "./behaviour/suite";
import { ROWS } from "./behaviour/table";

behaviourSuite(nativeYaml, ROWS);
