#!/usr/bin/env bash
# Benchmarks `nashr build` (and Hugo, when installed) on generated corpora, and optionally how fast
# `nashr serve` shows an edit (BENCH_SERVE); see docs/benchmarks.md.
#
#   bash scripts/bench.sh
#
# Environment (all optional):
#   BENCH_SIZES="1000 10000"      numbers of outputs to generate and build
#   BENCH_RUNS="1000:5:1 10000:3:1"  per size N:measured rounds[:warm-up rounds] (other sizes: 3:1)
#   BENCH_TARGETS="disk tmpfs"    where the built site is written: disk ($BENCH_DIR) or tmpfs (/dev/shm)
#   BENCH_SEED=1                  corpus seed (gen-corpus is deterministic for a seed)
#   BENCH_DIR=...                 work folder for corpora and disk outputs (default: a new mktemp -d)
#   BENCH_KEEP=1                  keep the work folder (default: removed at the end)
#   BENCH_MAX_LOAD=1.5            before each round, wait (up to 5 min) for the 1-minute load average
#                                 to fall below this (default: do not wait)
#   BENCH_SERVE="10000"           also measure `nashr serve`: for each size listed (each must be in
#                                 BENCH_SIZES), time from saving an edit to one output's body to the
#                                 served page showing it, with scripts/serve-latency.py on a scratch
#                                 copy of the corpus (default: not measured)
#   BENCH_SERVE_EDITS=20          edits measured for each BENCH_SERVE size
#   BENCH_LINEAR="1000 10000 5"   also measure how nashr scales: SMALL LARGE ROUNDS, each round
#                                 building the small and then the large corpus (both must be in
#                                 BENCH_SIZES) on tmpfs, after one warm-up round; the ratio is taken
#                                 within each round, so both sizes see the same machine load
#                                 (default: not measured)
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
RUNS=${BENCH_RUNS:-"1000:5:1 10000:3:1"}
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
SERVE_SIZES=${BENCH_SERVE:-}
SERVE_EDITS=${BENCH_SERVE_EDITS:-20}
for n in $SERVE_SIZES; do
    [[ " $SIZES " == *" $n "* ]] || die "BENCH_SERVE size $n is not in BENCH_SIZES ($SIZES)"
done
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

# "runs warmups" for a size.
runs_for() {
    local n=$1 spec rest
    for spec in $RUNS; do
        if [[ ${spec%%:*} == "$n" ]]; then
            rest=${spec#*:}
            [[ $rest == *:* ]] && echo "${rest%%:*} ${rest#*:}" || echo "$rest 1"
            return
        fi
    done
    echo "3 1"
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
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//') (family $(grep -m1 'cpu family' /proc/cpuinfo | cut -d: -f2 | tr -d ' '), model $(grep -m1 '^model[[:space:]]*:' /proc/cpuinfo | cut -d: -f2 | tr -d ' '), $(grep -m1 'cpu MHz' /proc/cpuinfo | cut -d: -f2 | tr -d ' ') MHz)"
    echo "ram: $(free -h | awk '/^Mem:/ {print $2}')"
    echo "kernel: $(uname -r)$(command -v systemd-detect-virt >/dev/null && echo " ($(systemd-detect-virt 2>/dev/null || true))")"
    echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "disk: $(stat -f -c %T "$WORK") ($WORK)"
    echo "tmpfs: $(stat -f -c %T "$SHM") ($SHM)"
    if git rev-parse --git-dir >/dev/null 2>&1; then
        echo "nashr: $("$NASHR" --version) (commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src themes Cargo.toml || echo ', with uncommitted changes in src/themes'))"
    else
        echo "nashr: $("$NASHR" --version)"
    fi
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
    read -r runs warmups < <(runs_for "$n")
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
        echo "== N=$n, output on $target: $warmups warm-up round(s) + $runs measured round(s)"
        rm -f "$RESULTS"/mem-*-"$tag".txt
        for ((r = 1 - warmups; r <= runs; r++)); do
            wait_idle
            # Each command starts from an empty output folder of its own (--prepare, one per command).
            args=()
            if ((HAVE_HUGO)) && ((r % 2 == 1)); then
                args+=(--prepare "rm -rf $out/hugo" -n hugo "$hugo_cmd" --prepare "rm -rf $out/nashr" -n nashr "$nashr_cmd")
            elif ((HAVE_HUGO)); then
                args+=(--prepare "rm -rf $out/nashr" -n nashr "$nashr_cmd" --prepare "rm -rf $out/hugo" -n hugo "$hugo_cmd")
            else
                args+=(--prepare "rm -rf $out/nashr" -n nashr "$nashr_cmd")
            fi
            json=$RESULTS/run-$tag-$r.json
            label=$r
            if ((r <= 0)); then
                json=$RESULTS/warmup-$tag-$((1 - r)).json
                label="warm-up"
            fi
            hyperfine --runs 1 --style none --export-json "$json" "${args[@]}" >/dev/null
            if ((r <= 0)); then
                # The warm-up's memory figures are not kept.
                rm -f "$RESULTS"/mem-*-"$tag".txt
            fi
            times=$(python3 -c "import json, sys
print('  '.join(f\"{r['command']} {r['times'][0]:.2f} s\" for r in json.load(open(sys.argv[1]))['results']))" "$json")
            echo "   round $label: $times  (load $(cut -d' ' -f1 /proc/loadavg))"
        done
        # What each tool wrote in the last round: HTML pages, all files, bytes.
        : >"$RESULTS/pages-$tag.txt"
        for tool in nashr hugo; do
            [[ -d $out/$tool ]] || continue
            echo "$tool $(find "$out/$tool" -name '*.html' | wc -l) $(find "$out/$tool" -type f | wc -l) $(find "$out/$tool" -type f -printf '%s\n' | awk '{s += $1} END {print s + 0}')" >>"$RESULTS/pages-$tag.txt"
        done
        rm -rf "$out"
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

# --- linearity, interleaved ----------------------------------------------------------------
if [[ -n ${BENCH_LINEAR:-} ]]; then
    read -r small large rounds <<<"$BENCH_LINEAR"
    [[ -n $GNU_TIME ]] || die "BENCH_LINEAR needs GNU time (apt-get install -y time)"
    for n in $small $large; do
        [[ " $SIZES " == *" $n "* ]] || die "BENCH_LINEAR size $n is not in BENCH_SIZES ($SIZES)"
    done
    echo "== linearity: nashr, N=$small then N=$large in each of $rounds rounds (+1 warm-up), tmpfs"
    linear=$RESULTS/linear.txt
    : >"$linear"
    for ((r = 0; r <= rounds; r++)); do
        wait_idle
        line=""
        for n in $small $large; do
            rm -rf "$SHM/linear"
            "$GNU_TIME" -o "$RESULTS/linear-time.txt" -f "%e %U %S" \
                "$NASHR" build --quiet --root "$WORK/corpus-$n/nashr" --output "$SHM/linear"
            line="$line $n $(cat "$RESULTS/linear-time.txt")"
        done
        rm -rf "$SHM/linear"
        ((r == 0)) || echo "$line" >>"$linear"
        echo "   round $( ((r == 0)) && echo warm-up || echo $r):$line  (N, wall, user, sys; load $(cut -d' ' -f1 /proc/loadavg))"
    done
    python3 - "$linear" <<'PY' | tee "$RESULTS/linear.md"
import statistics, sys
rounds = [line.split() for line in open(sys.argv[1]) if line.strip()]
small, large = rounds[0][0], rounds[0][4]
wall = [float(r[5]) / float(r[1]) for r in rounds]
cpu = [(float(r[6]) + float(r[7])) / (float(r[2]) + float(r[3])) for r in rounds]
print(f"time(N={large}) / time(N={small}), per round: wall " + ", ".join(f"{x:.1f}" for x in wall))
print(f"median: wall {statistics.median(wall):.1f}, CPU {statistics.median(cpu):.1f} (ideal: {int(large) // int(small)})")
PY
fi

# --- serve: edit-to-visible latency ---------------------------------------------------------
for n in $SERVE_SIZES; do
    scratch=$WORK/serve-$n
    rm -rf "$scratch"
    cp -a "$WORK/corpus-$n/nashr" "$scratch"
    wait_idle
    echo "== N=$n, nashr serve: $SERVE_EDITS edits to one output's body (load $(cut -d' ' -f1 /proc/loadavg))"
    python3 -u scripts/serve-latency.py --nashr "$NASHR" --root "$scratch" --edits "$SERVE_EDITS" \
        --json "$RESULTS/serve-latency-$n.json" --log "$RESULTS/serve-$n.log" \
        | sed 's/^/   /'
    rm -rf "$scratch"
    python3 -c "import json, sys
r = json.load(open(sys.argv[1]))
print(f\"serve latency, N={sys.argv[2]}: median {r['median_ms']:.0f} ms (min {r['min_ms']:.0f}, p90 {r['p90_ms']:.0f}, max {r['max_ms']:.0f}) over {r['edits']} edits\")" \
        "$RESULTS/serve-latency-$n.json" "$n" | tee -a "$RESULTS/summary.md"
done

echo "(raw results in $RESULTS$([[ ${BENCH_KEEP:-0} == 1 ]] || echo '; removed at exit: set BENCH_KEEP=1 to keep them'))"
