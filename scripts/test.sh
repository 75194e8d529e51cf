#!/usr/bin/env bash
# The test command (`npm test`): installs what it needs, then runs the unit, integration and end-to-end
# suites and ends with one line `N passed, N failed`.
set -uo pipefail
cd "$(dirname "$0")/.."
env_lines="$(bash scripts/setup.sh)" || { echo "setup failed"; echo "0 passed, 1 failed"; exit 1; }
eval "$env_lines"
export PULUMI_SKIP_UPDATE_CHECK=true PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true

mkdir -p test-artifacts
results=test-artifacts/jest-results.json
rm -f "$results"
npx jest --ci --runInBand "$@" --json --outputFile="$results"
status=$?
if [ -f "$results" ]; then
  node -e '
    const r = require(process.argv[1]);
    const failedSuites = r.testResults.filter((s) => s.status === "failed" && s.assertionResults.length === 0).length;
    console.log(`${r.numPassedTests} passed, ${r.numFailedTests + failedSuites} failed${r.numPendingTests ? `, ${r.numPendingTests} skipped` : ""}`);
  ' "$PWD/$results"
else
  echo "0 passed, 1 failed"
fi
exit $status
