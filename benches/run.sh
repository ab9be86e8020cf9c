#!/usr/bin/env bash
# Benchmarks of spec §9: complaint vs Taskwarrior 2.6 on the same machine, in
# one run. Usage: benches/run.sh [SIZES]   (default "10000 100000"; add
# 1000000 when disk allows: ~4 GB of tickets + ~0.7 GB of Taskwarrior data).
# Needs: hyperfine, taskwarrior (task), GNU time (/usr/bin/time), python3.
# Environment: BENCH_DIR (default /tmp/complaint-bench), RUNS (default 5).
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${1:-"10000 100000"}
BENCH_DIR=${BENCH_DIR:-/tmp/complaint-bench}
RUNS=${RUNS:-5}
export COMPLAINT_NOW=2026-11-23T10:00:00+08:00 COMPLAINT_USER=bench NO_COLOR=1
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-target}
for tool in hyperfine task /usr/bin/time python3; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y hyperfine taskwarrior time)"; exit 2; }
done
cargo build --release --example generate --bin complaint
C=$(realpath "$CARGO_TARGET_DIR/release/complaint")
GEN=$(realpath "$CARGO_TARGET_DIR/release/examples/generate")
mkdir -p "$BENCH_DIR"
OUT="$BENCH_DIR/results.md"
{
  echo "# complaint benchmark run $(date -u +%FT%TZ)"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "complaint $(git rev-parse --short HEAD), $(task --version | head -1 | sed 's/^/taskwarrior /'), $(hyperfine --version)"
  df -h "$BENCH_DIR" | tail -1 | awk '{print "disk free: " $4}'
} > "$OUT"

rss() { # label, command...
  local label=$1; shift
  /usr/bin/time -f '%M' -o "$BENCH_DIR/rss" "$@" >/dev/null 2>&1 || true
  local kb; kb=$(tail -1 "$BENCH_DIR/rss")
  echo "| $label | $((kb / 1024)) MiB |" >> "$OUT"
}

for N in $SIZES; do
  S="$BENCH_DIR/store-$N"; T="$BENCH_DIR/task-$N"
  if [ ! -f "$S/complaint.toml" ]; then
    rm -rf "$S"; "$GEN" --count "$N" --open-share 0.1 --seed 1 "$S"
  fi
  if [ ! -f "$T/data/pending.data" ]; then
    rm -rf "$T"; mkdir -p "$T/data"
    printf 'data.location=%s/data\nconfirmation=off\nverbose=nothing\nhooks=off\nrecurrence=off\ngc=on\n' "$T" > "$T/taskrc"
    python3 benches/taskwarrior_data.py "$N" 0.1 1 > "$T/tasks.json"
    TASKRC="$T/taskrc" TASKDATA="$T/data" task import "$T/tasks.json" >/dev/null 2>&1
    rm -f "$T/data/undo.data" "$T/data/backlog.data"
  fi
  export TASKRC="$T/taskrc" TASKDATA="$T/data"
  E="$BENCH_DIR/empty"; rm -rf "$E"; "$C" init "$E" >/dev/null 2>&1
  NEW=(new --customer 张三 --contact 13812345678 --channel phone --summary 基准测试)
  {
    echo; echo "## $N tickets / tasks (10 % open)"; echo
  } >> "$OUT"
  cmds=(
    -n "complaint overdue (warm)" "$C --store $S overdue"
    -n "task overdue" "task overdue"
  )
  hyperfine -N --warmup 1 --runs "$RUNS" --export-markdown "$BENCH_DIR/h1.md" "${cmds[@]}" \
    -n "complaint list --status processing (warm)" "$C --store $S list --status processing" \
    -n "complaint list --search 漏电 (warm)" "$C --store $S list --search 漏电" \
    -n "task export" "task export"
  cat "$BENCH_DIR/h1.md" >> "$OUT"
  # Cold = no cache of ours; the OS page cache is warmed by the first run.
  hyperfine -N --warmup 1 --runs 3 --prepare "rm -rf $S/.complaint" --export-markdown "$BENCH_DIR/h2.md" \
    -n "complaint overdue (cold, no .complaint/)" "$C --store $S overdue"
  echo >> "$OUT"; cat "$BENCH_DIR/h2.md" >> "$OUT"
  extra=()
  if "$C" report --help >/dev/null 2>&1; then
    extra+=(-n "complaint report --year 2026 (warm)" "$C --store $S report --year 2026")
  else
    echo >> "$OUT"; echo "(no \`report\` command in this build: not measured)" >> "$OUT"
  fi
  if "$C" export --help >/dev/null 2>&1; then
    extra+=(-n "complaint export (warm)" "$C --store $S export")
  else
    echo "(no \`export\` command in this build: not measured)" >> "$OUT"
  fi
  # `check` reads and validates every file each time (no cache).
  extra+=(-n "complaint check (every file parsed)" "$C --store $S check")
  if [ ${#extra[@]} -gt 0 ]; then
    "$C" --store "$S" overdue >/dev/null 2>&1 || true
    hyperfine -N --warmup 1 --runs "$RUNS" --export-markdown "$BENCH_DIR/h3.md" "${extra[@]}" -n "task export" "task export"
    echo >> "$OUT"; cat "$BENCH_DIR/h3.md" >> "$OUT"
  fi
  hyperfine -N --warmup 2 --runs 10 --export-markdown "$BENCH_DIR/h4.md" \
    -n "complaint new (empty store)" "$C --store $E ${NEW[*]}" \
    -n "complaint new ($N store)" "$C --store $S ${NEW[*]}"
  echo >> "$OUT"; cat "$BENCH_DIR/h4.md" >> "$OUT"
  { echo; echo "| peak RSS | |"; echo "|---|---|"; } >> "$OUT"
  "$C" --store "$S" overdue >/dev/null 2>&1 || true
  rss "complaint overdue (warm)" "$C" --store "$S" overdue
  rss "complaint overdue --format csv (warm)" "$C" --store "$S" overdue --format csv
  rss "complaint list --status processing (warm)" "$C" --store "$S" list --status processing
  rss "complaint list --search 漏电 (warm)" "$C" --store "$S" list --search 漏电
  if [ ${#extra[@]} -gt 0 ]; then
    rss "complaint report --year 2026 (warm)" "$C" --store "$S" report --year 2026
    rss "complaint report --week 2026-W47 (warm)" "$C" --store "$S" report --week 2026-W47
    rss "complaint export (warm)" "$C" --store "$S" export
  fi
  rm -rf "$S/.complaint"
  rss "complaint overdue (cold)" "$C" --store "$S" overdue
  rss "task overdue" task overdue
  rss "task export" task export
done
# The web desk under load (issue 16): 32 clients against `complaint serve` on
# a copy of the largest store (the run adds a user and notes), then notes
# with git auto-commit on a 10k store committed to a fresh repository.
LAST=${SIZES##* }
if [ -f "$BENCH_DIR/store-$LAST/complaint.toml" ] && [ "${SERVE_LOAD:-1}" = 1 ]; then
  L="$BENCH_DIR/serve-load"; rm -rf "$L"; mkdir -p "$L"
  cp -a "$BENCH_DIR/store-$LAST" "$L/store"
  # `cp -a` gives every file a new ctime: warm the copy's cache first, as a
  # store in use has it.
  (cd "$L/store" && "$C" overdue >/dev/null 2>&1 || true)
  "$GEN" --count 10000 --open-share 0.1 --seed 1 "$L/git" >/dev/null
  git -C "$L/git" init -q && git -C "$L/git" add -A
  git -C "$L/git" -c user.name=bench -c user.email=bench@example.com commit -qm "bench store"
  unset COMPLAINT_NOW
  { echo; echo "## complaint serve, 32 clients ($LAST tickets; notes with git: 10 000)"; echo; } >> "$OUT"
  SERVE_LOAD_STORE="$L/store" COMPLAINT_BIN="$C" cargo bench --locked --bench serve_load | grep '^|' >> "$OUT"
  SERVE_LOAD_STORE="$L/git" COMPLAINT_BIN="$C" SCENARIOS=note cargo bench --locked --bench serve_load \
    | grep '^| note' | sed 's/^| note/| note (git auto-commit, 10k)/' >> "$OUT"
  rm -rf "$L"
fi
echo "results in $OUT"
