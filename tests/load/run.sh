#!/usr/bin/env bash
# Load run of the Émargement host: builds it in Release, starts it on 127.0.0.1 (a free port), sends a bounded
# number of analyses at 32 concurrent clients and prints req/s, latency percentiles, errors and host memory.
# Usage: tests/load/run.sh [--requests 2000] [--clients 32] [--big-every 10] [--big-connections 5000] [--rounds 2]
set -euo pipefail
cd "$(dirname "$0")/../.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build -c Release AddinWeb/AddinWeb.csproj -v quiet -nologo >/dev/null
dotnet run -c Release --project tests/load/LoadRun -- --host AddinWeb/bin/Release/net10.0/AddinWeb.dll "$@"
