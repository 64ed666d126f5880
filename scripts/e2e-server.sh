#!/usr/bin/env bash
# The BFF as Playwright's webServer: embedded mode, a fresh data dir each run,
# the test controls (reset, upstream faults) switched on.
set -euo pipefail
cd "$(dirname "$0")/.."
data_dir="${E2E_DATA_DIR:-reports/e2e-data}"
rm -rf "$data_dir"
mkdir -p "$data_dir"
export WATCHDECK_DATA_DIR="$data_dir"
export WATCHDECK_TEST_CONTROLS=1
export PORT="${E2E_PORT:-8181}"
export HOST=127.0.0.1
export WATCHDECK_ADMIN_PASSWORD="${E2E_ADMIN_PASSWORD:-e2e-admin-password-0451}"
unset DD_API_KEY DD_APP_KEY DD_API_URL DD_SITE ATLAS_PUBLIC_KEY ATLAS_PRIVATE_KEY ATLAS_API_URL
exec node_modules/.bin/tsx src/server/index.ts
