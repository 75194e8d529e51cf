/** Three suites: unit (pure), integration (real HTTP servers, the emulator), e2e (the real Pulumi engine). */
const base = {
  preset: "ts-jest",
  testEnvironment: "node",
  // sdk/ holds generated packages (and sdk/nodejs/bin, the built copy with the same package.json name); tests reach
  // them through node_modules or by path, never through Jest's module map.
  modulePathIgnorePatterns: ["<rootDir>/sdk/"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tests/tsconfig.json", diagnostics: { warnOnly: false } }] },
};
module.exports = {
  // A bound on hangs, not a speed goal: tests that spawn processes or servers (the dynamic-provider host, the
  // CLI, Biome) took over 5 s on a 2-core machine shared with other engines. Speed lives in benchmarks.
  // Top level, not in `base`: jest-circus reads the global config's testTimeout and ignores a project's.
  testTimeout: 60_000,
  projects: [
    { ...base, displayName: "unit", testMatch: ["<rootDir>/tests/unit/**/*.test.ts"] },
    { ...base, displayName: "integration", testMatch: ["<rootDir>/tests/integration/**/*.test.ts"] },
    { ...base, displayName: "e2e", testMatch: ["<rootDir>/tests/e2e/**/*.test.ts"] },
  ],
};
