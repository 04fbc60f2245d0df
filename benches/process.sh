#!/usr/bin/env bash
# Whole-process benchmarks of baocao, on seed 000 as a year-end report:
#
#   benches/process.sh           # full run, a few minutes; keep the machine idle
#   benches/process.sh --quick   # smoke test: few runs, figures not for reporting
#
# Prints the machine, then: time per process (and the floor of an empty
# process), the report's size and peak memory, time and memory at 1x, 10x and
# 100x the seed's length, a batch of 1,000 articles with `baocao build`, the
# in-process batch rate (criterion's `batch` group of benches/pipeline.rs),
# Typst on the equivalent document when it is installed, and the targets of
# issue 5 (the size's as issue 14 revised it) with "met" or "NOT met".
# To compare two builds, use benches/ab.py (alternating pairs).
#
# Needs hyperfine and GNU time (apt-get install -y hyperfine time).
# Typst, optional: `cargo install typst-cli --version 0.15.1 --locked` (found
# on PATH, or set TYPST=/path/to/typst) or `pip install typst`; the equivalent
# document is TYPST_DOC (default: ../shared/bench/anchors/report.typ, the
# anchors' Typst source of the same report, set in the same fonts).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=100 WARM=10 BATCH_RUNS=5 MEM_RUNS=5
if [[ "${1:-}" == "--quick" ]]; then RUNS=5 WARM=1 BATCH_RUNS=1 MEM_RUNS=1; fi
for tool in hyperfine /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "error: $tool is missing (apt-get install -y hyperfine time)" >&2; exit 1; }
done

cargo build --release -q
BIN=$PWD/target/release/baocao
SEED=$PWD/seeds/000_1d509da1f266ee35.txt
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# Median in ms of each command of a hyperfine CSV export, one per line.
medians() { awk -F, 'NR > 1 { printf "%.2f\n", $4 * 1000 }' "$1"; }
# Peak resident memory in KiB over $MEM_RUNS runs of a command.
peak_kib() {
  local peak=0 m
  for _ in $(seq "$MEM_RUNS"); do
    m=$(/usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -n 1)
    ((m > peak)) && peak=$m
  done
  echo "$peak"
}
HF=(hyperfine -N --style none)

echo "== machine"
echo "$(uname -srm); $(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
echo "$(rustc --version); $(hyperfine --version); load average $(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "== one report: baocao year-end seeds/000_1d509da1f266ee35.txt ($RUNS runs)"
"${HF[@]}" --warmup "$WARM" --runs "$RUNS" --export-csv "$WORK/one.csv" \
  "$BIN year-end $SEED -o $WORK/report.pdf" \
  "$BIN --version"
read -r one floor < <(medians "$WORK/one.csv" | paste -sd' ')
size=$(stat -c %s "$WORK/report.pdf")
mem=$(peak_kib "$BIN" year-end "$SEED" -o "$WORK/report.pdf")
echo "per process: median $one ms (an empty baocao process, --version: $floor ms)"
echo "report: $size bytes; peak memory $mem KiB"

echo
echo "== scaling: the seed's body repeated 1x, 10x, 100x"
# Later copies get a suffix, or the reader would set them aside as repeats.
for n in 1 10 100; do
  awk -v n="$n" 'NR <= 4 { print; next } { body[NR] = $0; last = NR }
    END { for (k = 1; k <= n; k++) for (i = 5; i <= last; i++)
            print (k == 1 || body[i] == "" ? body[i] : body[i] " (" k ")") }' \
    "$SEED" > "$WORK/x$n.txt"
done
printf "%6s %10s %7s %12s %12s %14s\n" size article pages "median ms" "ms / 1x" "peak KiB"
base=""
for n in 1 10 100; do
  runs=$((n == 100 ? (RUNS < 10 ? RUNS : 10) : (RUNS < 30 ? RUNS : 30)))
  "${HF[@]}" --warmup 1 --runs "$runs" --export-csv "$WORK/x$n.csv" \
    "$BIN year-end $WORK/x$n.txt -o $WORK/x$n.pdf" 2>/dev/null
  t=$(medians "$WORK/x$n.csv")
  base=${base:-$t}
  pages=$("$BIN" year-end "$WORK/x$n.txt" -o "$WORK/x$n.pdf" 2>&1 | sed -n 's/.*(\([0-9]*\) pages).*/\1/p')
  m=$(peak_kib "$BIN" year-end "$WORK/x$n.txt" -o "$WORK/x$n.pdf")
  printf "%5sx %9sB %7s %12s %12.1f %14s\n" "$n" "$(stat -c %s "$WORK/x$n.txt")" "$pages" "$t" \
    "$(awk -v a="$t" -v b="$base" 'BEGIN { print a / b }')" "$m"
done

echo
echo "== a batch of 1,000 articles: baocao build (200 copies of each seed, $BATCH_RUNS runs)"
mkdir -p "$WORK/batch"
i=0
for copy in $(seq 200); do
  for seed in seeds/*.txt; do
    i=$((i + 1))
    cp "$seed" "$WORK/batch/$(printf %04d $i)_$(basename "$seed")"
  done
done
"${HF[@]}" --warmup 0 --runs "$BATCH_RUNS" --export-csv "$WORK/batch.csv" \
  --prepare "rm -rf $WORK/out" "$BIN build $WORK/batch -o $WORK/out" 2>/dev/null
batch_ms=$(medians "$WORK/batch.csv")
rm -rf "$WORK/out"
batch_mem=$(MEM_RUNS=1 peak_kib "$BIN" build "$WORK/batch" -o "$WORK/out")
echo "median $batch_ms ms: $(awk -v t="$batch_ms" 'BEGIN { printf "%.0f", 1000 / (t / 1000) }') reports/s written to disk (each fsynced); peak memory $batch_mem KiB"

echo
echo "== in-process batch: cargo bench --bench pipeline -- batch (50 reports on 2 threads)"
line=$(cargo bench -q --bench pipeline -- --output-format bencher '^batch/' 2>/dev/null | grep 'bench:' | tail -n 1)
ns=$(echo "$line" | sed -E 's/.*bench: *([0-9,]+) ns.*/\1/' | tr -d ,)
inproc=$(awk -v ns="$ns" 'BEGIN { printf "%.0f", 50 / (ns / 1e9) }')
echo "$line"
echo "in-process: $inproc reports/s"

echo
echo "== Typst on the equivalent document"
TYPST_DOC=${TYPST_DOC:-../shared/bench/anchors/report.typ}
TYPST=${TYPST:-$(command -v typst || true)}
PY=$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null || true)
typst_cmd=""
if [[ ! -f $TYPST_DOC ]]; then
  echo "skipped: no Typst document at $TYPST_DOC (set TYPST_DOC)"
elif [[ -n $TYPST ]]; then
  typst_cmd="$TYPST compile --ignore-system-fonts --font-path $PWD/fonts $TYPST_DOC $WORK/typst.pdf"
  echo "$($TYPST --version)"
elif [[ -n $PY ]] && "$PY" -c 'import typst' 2>/dev/null; then
  typst_cmd="$PY -c \"import typst; typst.compile('$TYPST_DOC', output='$WORK/typst.pdf', font_paths=['$PWD/fonts'], ignore_system_fonts=True)\""
  echo "typst (Python) $("$PY" -c 'import typst; print(typst.__version__)'); its time includes starting Python"
else
  echo "skipped: Typst is not installed"
fi
if [[ -n $typst_cmd ]]; then
  "${HF[@]}" --warmup "$WARM" --runs "$((RUNS < 30 ? RUNS : 30))" --export-csv "$WORK/typst.csv" \
    "$typst_cmd" "$BIN year-end $SEED -o $WORK/report.pdf"
  read -r typst_ms ours_ms < <(medians "$WORK/typst.csv" | paste -sd' ')
  echo "Typst median $typst_ms ms, baocao $ours_ms ms: baocao is $(awk -v a="$typst_ms" -v b="$ours_ms" 'BEGIN { printf "%.1f", a / b }') times faster"
fi

echo
echo "== targets (issue 5)"
verdict() { awk -v v="$1" -v lim="$2" -v op="$3" 'BEGIN { ok = (op == "<=") ? v <= lim : v >= lim; print ok ? "met" : "NOT met" }'; }
printf "%-40s %14s %12s  %s\n" "per-process time, median" "$one ms" "<= 6 ms" "$(verdict "$one" 6 '<=')"
printf "%-40s %14s %12s  %s\n" "in-process batch, 2 threads" "$inproc /s" ">= 400 /s" "$(verdict "$inproc" 400 '>=')"
printf "%-40s %14s %12s  %s\n" "peak memory, one report" "$mem KiB" "<= 24414 KiB" "$(verdict "$mem" 24414 '<=')"
# Issue 5 asked for 40 KB; issue 14 (PDF/A-2u, signature field, outline) allows 42 KB.
printf "%-40s %14s %12s  %s\n" "report size (issue 14)" "$size B" "<= 42000 B" "$(verdict "$size" 42000 '<=')"
