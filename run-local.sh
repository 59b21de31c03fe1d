#!/usr/bin/env bash
# The whole platform on this machine: builds the services, then starts the embedded broker and database and the
# five services with Sanya demo data. Data is kept in ./data between runs. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q -DskipTests package
exec java -jar platform/local-stack/target/local-stack.jar "$@"
