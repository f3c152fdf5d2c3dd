#!/usr/bin/env bash
# Exit 0 when PostgreSQL at $1 answers; 3 when it does not (make test then runs SQLite only),
# except under CI=true, where a missing PostgreSQL fails the run (exit 1).
url="$1"
if .venv/bin/python - "$url" <<'PY'
import sys, psycopg
url = sys.argv[1].rsplit("/", 1)[0] + "/postgres"
try:
    psycopg.connect(url, connect_timeout=3).close()
except Exception as exc:
    print(f"PostgreSQL: {exc}".strip(), file=sys.stderr)
    sys.exit(1)
PY
then
  exit 0
fi
if [ "${CI:-}" = "true" ]; then
  echo "PostgreSQL is niet bereikbaar op $url, en onder CI=true is dat een fout." >&2
  exit 1
fi
exit 3
