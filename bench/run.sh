#!/usr/bin/env bash
# Runs the OneGrid benchmark (issue 10): builds the jars if they are missing, then starts the packaged local stack
# on ports shifted by 200 and measures it. Options: bench/run.sh --quick (about 3 minutes), see bench/README.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
for jar in platform/local-stack/target/local-stack.jar gateway/target/gateway.jar \
           ticket-service/target/ticket-service.jar talent-service/target/talent-service.jar \
           service-center-service/target/service-center-service.jar analytics-service/target/analytics-service.jar \
           bench/target/bench.jar; do
  if [ ! -f "$jar" ]; then
    echo "$jar is missing: building (mvn -B -q -DskipTests package) ..."
    mvn -B -q -DskipTests package
    break
  fi
done
exec java -Xmx1g -XX:+UseSerialGC -jar bench/target/bench.jar --root "$root" "$@"
