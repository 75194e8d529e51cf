/**
 * The Pulumi behaviour table (tests/e2e/behaviour/) for the dynamic TypeScript resource: every workflow a
 * careful user runs, through the real CLI against the emulator, each row asserting what the emulator ran.
 * A second front end (the native provider plugin) runs the same table from its own file with its adapter.
 */
import "./harness";
import { dynamicTs } from "./behaviour/dynamic-ts";
import { behaviourSuite } from "./behaviour/suite";
import { ROWS } from "./behaviour/table";

behaviourSuite(dynamicTs, ROWS);
