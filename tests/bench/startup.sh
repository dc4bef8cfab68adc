#!/bin/sh
# startup.sh — `make bench`: time to first frame and peak memory of declic.
# Usage: tests/bench/startup.sh [DECLIC] [CONTENT_DIR] [RUNS]
here=$(dirname "$0")
exec python3 "$here/startup.py" "${1:-./declic}" "${2:-$here/../../content}" "${3:-30}"
