/**
 * The generated Go SDK (sdk/go, its own module) and a Go program using it (tests/fixtures/sdk-go-program, the
 * quickstart relay in Go) compile with `go build`. Compiled only: no Go language host runs programs on these
 * machines. Its go.sum is committed, so the build resolves nothing new; modules come from the Pulumi CLI's build.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");
const PROGRAM = join(ROOT, "tests", "fixtures", "sdk-go-program");
// The first build compiles the Pulumi Go SDK's packages (minutes on a loaded machine); later ones reuse Go's cache.
const FIRST_BUILD = 20 * 60_000;

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "sdk-go-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function goBuild(dir: string) {
  const r = spawnSync("go", ["build", "-o", join(work, "program"), "."], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, GOFLAGS: "-mod=readonly -buildvcs=false" },
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

test(
  "the Go SDK and a program using it build with go build",
  () => {
    expect(goBuild(PROGRAM)).toEqual({ status: 0, out: "" });
  },
  FIRST_BUILD,
);

test(
  "negative control: the program with an argument of the wrong type does not build",
  () => {
    const copy = join(work, "wrong");
    cpSync(PROGRAM, copy, { recursive: true });
    const main = join(copy, "main.go");
    writeFileSync(main, readFileSync(main, "utf8").replace("RoomIdType:      pulumi.Int(0),", 'RoomIdType:      pulumi.String("0"),'));
    // The copy sits elsewhere, so the SDK is replaced by its absolute path.
    const mod = join(copy, "go.mod");
    writeFileSync(mod, readFileSync(mod, "utf8").replace("=> ../../../sdk/go", `=> ${join(ROOT, "sdk", "go")}`));
    const { status, out } = goBuild(copy);
    expect(status).not.toBe(0);
    expect(out).toMatch(/main\.go:\d+:\d+: cannot use pulumi\.String\("0"\).*as pulumi\.IntInput value/);
  },
  FIRST_BUILD,
);
