#!/usr/bin/env bash
# Makes sure a Java 17 or later runtime is on PATH, for Spark (pyspark) in local mode: uses the
# machine's when it has one, else installs Debian's openjdk-17-jre-headless. Prints the version.
set -euo pipefail
java_major() {
    java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1
}
if ! command -v java >/dev/null 2>&1 || [[ "$(java_major)" -lt 17 ]]; then
    echo "setup-java: installing openjdk-17-jre-headless" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless >/dev/null
fi
echo "setup-java: $(java -version 2>&1 | head -1)" >&2
