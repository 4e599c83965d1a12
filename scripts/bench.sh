#!/usr/bin/env bash
# Benchmarks `nashr build` (and Hugo, when installed) on generated corpora; see docs/benchmarks.md.
#
#   bash scripts/bench.sh
#
# Environment (all optional):
#   BENCH_SIZES="1000 10000"      numbers of outputs to generate and build
#   BENCH_RUNS="1000:5 10000:3"   measured runs per size (other sizes: 3); one warm-up round more
#   BENCH_TARGETS="disk tmpfs"    where the built site is written: disk ($BENCH_DIR) or tmpfs (/dev/shm)
#   BENCH_SEED=1                  corpus seed (gen-corpus is deterministic for a seed)
#   BENCH_DIR=...                 work folder for corpora and disk outputs (default: a new mktemp -d)
#   BENCH_KEEP=1                  keep the work folder (default: removed at the end)
#   BENCH_MAX_LOAD=1.5            before each round, wait (up to 5 min) for the 1-minute load average
#                                 to fall below this (default: do not wait)
#   NASHR=path                    the nashr binary (default: target/release/nashr, built here)
#   HUGO=hugo                     the Hugo binary; Hugo is skipped when it is not installed
#
# Needs hyperfine (apt-get install -y hyperfine) and python3; peak memory needs GNU time
# (apt-get install -y time); Hugo (apt-get install -y hugo) is optional.
#
# Each round runs both tools once (alternating which goes first), each run starting from an empty
# output folder, so the tools are measured interleaved under the same machine conditions.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${BENCH_SIZES:-"1000 10000"}
RUNS=${BENCH_RUNS:-"1000:5 10000:3"}
TARGETS=${BENCH_TARGETS:-"disk tmpfs"}
SEED=${BENCH_SEED:-1}
HUGO=${HUGO:-hugo}

die() { echo "bench: $*" >&2; exit 1; }
command -v hyperfine >/dev/null || die "hyperfine is required (apt-get install -y hyperfine)"
command -v python3 >/dev/null || die "python3 is required"
GNU_TIME=/usr/bin/time
[[ -x $GNU_TIME ]] && $GNU_TIME -f %M true >/dev/null 2>&1 || {
    echo "bench: GNU time not found (apt-get install -y time): peak memory will not be measured" >&2
    GNU_TIME=""
}
HAVE_HUGO=0
if command -v "$HUGO" >/dev/null; then HAVE_HUGO=1; else echo "bench: $HUGO not installed: measuring nashr alone" >&2; fi

TARGET_DIR=${CARGO_TARGET_DIR:-target}
echo "== building nashr and the corpus generator (release)"
cargo build --release --quiet --bin nashr --example gen-corpus
NASHR=${NASHR:-$TARGET_DIR/release/nashr}
NASHR=$(realpath "$NASHR")
GEN=$(realpath "$TARGET_DIR/release/examples/gen-corpus")

WORK=${BENCH_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/nashr-bench.XXXXXX")}
mkdir -p "$WORK"
WORK=$(realpath "$WORK")
SHM=/dev/shm/nashr-bench.$$
cleanup() {
    rm -rf "$SHM"
    [[ ${BENCH_KEEP:-0} == 1 ]] || rm -rf "$WORK"
}
trap cleanup EXIT
mkdir -p "$SHM"
RESULTS=$WORK/results
mkdir -p "$RESULTS"

runs_for() {
    local n=$1 pair
    for pair in $RUNS; do
        [[ ${pair%%:*} == "$n" ]] && { echo "${pair#*:}"; return; }
    done
    echo 3
}

wait_idle() {
    [[ -n ${BENCH_MAX_LOAD:-} ]] || return 0
    local waited=0
    while python3 -c "import os,sys; sys.exit(os.getloadavg()[0] < float('$BENCH_MAX_LOAD'))"; do
        ((waited >= 300)) && { echo "   (load still high after 5 min; going on)"; return 0; }
        sleep 10
        waited=$((waited + 10))
    done
}

# --- machine and versions -----------------------------------------------------------------
{
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "nproc: $(nproc)"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
    echo "ram: $(free -h | awk '/^Mem:/ {print $2}')"
    echo "kernel: $(uname -r)"
    echo "disk: $(stat -f -c %T "$WORK") ($WORK)"
    echo "tmpfs: $(stat -f -c %T "$SHM") ($SHM)"
    echo "nashr: $("$NASHR" --version) ($(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- src themes 2>/dev/null || echo ', src modified'))"
    ((HAVE_HUGO)) && echo "hugo: $("$HUGO" version)"
    echo "hyperfine: $(hyperfine --version)"
    echo "rustc: $(rustc --version)"
} | tee "$RESULTS/machine.txt"

# --- corpora --------------------------------------------------------------------------------
for n in $SIZES; do
    c=$WORK/corpus-$n
    if [[ ! -f $c/nashr/site.yaml ]]; then
        rm -rf "$c"
        echo "== generating $n outputs (seed $SEED)"
        if ((HAVE_HUGO)); then
            "$GEN" --outputs "$n" --seed "$SEED" --out "$c/nashr" --hugo "$c/hugo"
        else
            "$GEN" --outputs "$n" --seed "$SEED" --out "$c/nashr"
        fi
    fi
    echo "   input: $(du -sh --apparent-size "$c/nashr/content" | cut -f1) of Markdown in $(find "$c/nashr/content" -type f | wc -l) files"
done

# --- measurements ---------------------------------------------------------------------------
for n in $SIZES; do
    c=$WORK/corpus-$n
    runs=$(runs_for "$n")
    for target in $TARGETS; do
        case $target in
            disk) out=$WORK/out-$n ;;
            tmpfs) out=$SHM/out-$n ;;
            *) die "unknown target $target (disk or tmpfs)" ;;
        esac
        tag=$n-$target
        nashr_cmd="$NASHR build --root $c/nashr --output $out/nashr"
        hugo_cmd="$HUGO --quiet --source $c/hugo --destination $out/hugo"
        if [[ -n $GNU_TIME ]]; then
            nashr_cmd="$GNU_TIME -a -o $RESULTS/mem-nashr-$tag.txt -f %M $nashr_cmd"
            hugo_cmd="$GNU_TIME -a -o $RESULTS/mem-hugo-$tag.txt -f %M $hugo_cmd"
        fi
        echo "== N=$n, output on $target: 1 warm-up round + $runs measured rounds"
        for ((r = 0; r <= runs; r++)); do
            wait_idle
            args=()
            if ((HAVE_HUGO)) && ((r % 2 == 1)); then
                args+=(-n hugo "$hugo_cmd" -n nashr "$nashr_cmd")
            elif ((HAVE_HUGO)); then
                args+=(-n nashr "$nashr_cmd" -n hugo "$hugo_cmd")
            else
                args+=(-n nashr "$nashr_cmd")
            fi
            json=$RESULTS/run-$tag-$r.json
            ((r == 0)) && json=$RESULTS/warmup-$tag.json
            hyperfine --runs 1 --style none --prepare "rm -rf $out" --export-json "$json" "${args[@]}" >/dev/null
            label=$r
            ((r == 0)) && label="0 (warm-up)"
            times=$(python3 -c "import json, sys
print('  '.join(f\"{r['command']} {r['times'][0]:.2f} s\" for r in json.load(open(sys.argv[1]))['results']))" "$json")
            echo "   round $label: $times  (load $(cut -d' ' -f1 /proc/loadavg))"
        done
        # The pages each tool wrote (from the last round's output).
        rm -rf "$out"
        "$NASHR" build --root "$c/nashr" --output "$out/nashr" >"$RESULTS/log-nashr-$tag.txt" 2>&1
        echo "nashr $(find "$out/nashr" -name '*.html' | wc -l) $(find "$out/nashr" -type f | wc -l) $(du -s --apparent-size -B1 "$out/nashr" | cut -f1)" >"$RESULTS/pages-$tag.txt"
        if ((HAVE_HUGO)); then
            "$HUGO" --source "$c/hugo" --destination "$out/hugo" >"$RESULTS/log-hugo-$tag.txt" 2>&1
            echo "hugo $(find "$out/hugo" -name '*.html' | wc -l) $(find "$out/hugo" -type f | wc -l) $(du -s --apparent-size -B1 "$out/hugo" | cut -f1)" >>"$RESULTS/pages-$tag.txt"
        fi
        rm -rf "$out"
        # The warm-up run's memory figure is not kept.
        for tool in nashr hugo; do
            f=$RESULTS/mem-$tool-$tag.txt
            [[ -f $f ]] && sed -i 1d "$f"
        done
    done
done

# --- summary --------------------------------------------------------------------------------
python3 - "$RESULTS" "$SIZES" "$TARGETS" <<'EOF' | tee "$RESULTS/summary.md"
import glob, json, os, statistics, sys

results, sizes, targets = sys.argv[1], sys.argv[2].split(), sys.argv[3].split()
rows = {}
for n in sizes:
    for t in targets:
        tag = f"{n}-{t}"
        wall, cpu = {}, {}
        for path in sorted(glob.glob(f"{results}/run-{tag}-*.json")):
            for r in json.load(open(path))["results"]:
                wall.setdefault(r["command"], []).append(r["times"][0])
                cpu.setdefault(r["command"], []).append(r["user"] + r["system"])
        pages = {}
        if os.path.exists(f"{results}/pages-{tag}.txt"):
            for line in open(f"{results}/pages-{tag}.txt"):
                tool, html, files, size = line.split()
                pages[tool] = (int(html), int(files), int(size))
        for tool in wall:
            mem_file = f"{results}/mem-{tool}-{tag}.txt"
            mem = [int(x) for x in open(mem_file).read().split()] if os.path.exists(mem_file) else []
            rows[(n, t, tool)] = dict(
                runs=len(wall[tool]),
                median=statistics.median(wall[tool]),
                lo=min(wall[tool]),
                hi=max(wall[tool]),
                cpu=statistics.median(cpu[tool]),
                mem=max(mem) / 1024 if mem else None,
                pages=pages.get(tool),
            )

print("| N | output | tool | runs | median wall (s) | min–max (s) | median CPU user+sys (s) | peak RSS (MB) | HTML pages | files | output size (MB) | pages/s |")
print("|---:|---|---|---:|---:|---|---:|---:|---:|---:|---:|---:|")
for (n, t, tool), r in rows.items():
    html, files, size = r["pages"] or (0, 0, 0)
    mem = f"{r['mem']:.0f}" if r["mem"] else "–"
    pps = f"{html / r['median']:.0f}" if html else "–"
    print(f"| {n} | {t} | {tool} | {r['runs']} | {r['median']:.2f} | {r['lo']:.2f}–{r['hi']:.2f} | {r['cpu']:.2f} | {mem} | {html} | {files} | {size / 1e6:.0f} | {pps} |")

print()
print("| N | output | nashr/Hugo wall (median) | nashr/Hugo CPU | nashr/Hugo peak RSS |")
print("|---:|---|---:|---:|---:|")
for n in sizes:
    for t in targets:
        a, b = rows.get((n, t, "nashr")), rows.get((n, t, "hugo"))
        if a and b:
            mem = f"{a['mem'] / b['mem']:.2f}" if a["mem"] and b["mem"] else "–"
            print(f"| {n} | {t} | {a['median'] / b['median']:.2f} | {a['cpu'] / b['cpu']:.2f} | {mem} |")

if len(sizes) >= 2:
    lo, hi = sizes[0], sizes[-1]
    print()
    print(f"Linearity: time(N={hi}) / time(N={lo}) (ideal: {int(hi) / int(lo):.0f})")
    print()
    print("| tool | output | wall ratio | CPU ratio |")
    print("|---|---|---:|---:|")
    for tool in ("nashr", "hugo"):
        for t in targets:
            a, b = rows.get((lo, t, tool)), rows.get((hi, t, tool))
            if a and b:
                print(f"| {tool} | {t} | {b['median'] / a['median']:.1f} | {b['cpu'] / a['cpu']:.1f} |")
EOF
echo "(raw results in $RESULTS$([[ ${BENCH_KEEP:-0} == 1 ]] || echo '; removed at exit: set BENCH_KEEP=1 to keep them'))"
