#!/usr/bin/env bash
# Builds the fuzzers and runs each for a given time, all at once (one per
# core is the intent: on a 2-core machine, both fuzzers side by side).
#
#   FuzzTesting/run.sh [SECONDS] [FUZZER ...]      fuzz (default: 60 s, FuzzJSONC FuzzLoader FuzzExports)
#   FuzzTesting/run.sh --replay [FUZZER ...]       run every saved input once, no fuzzing
#
# Environment: CONFIG=release|debug (default release: 5-10x the executions
# of debug; the sources use no assert(), so debug checks nothing more).
#
# Corpora grow in Corpus/<fuzzer>/ (seeds come from Seeds/, written by
# make-seeds.py when missing); crashes, timeouts and out-of-memory inputs go
# to Artifacts/<fuzzer>/; logs to Logs/<fuzzer>.log. Exits 1 when a fuzzer
# found something.
set -euo pipefail
cd "$(dirname "$0")"

replay=0
duration=60
if [[ "${1:-}" == "--replay" ]]; then
    replay=1
    shift
elif [[ "${1:-}" =~ ^[0-9]+$ ]]; then
    duration=$1
    shift
fi
fuzzers=("$@")
[[ ${#fuzzers[@]} -gt 0 ]] || fuzzers=(FuzzJSONC FuzzLoader FuzzExports)
config=${CONFIG:-release}

swift build -c "$config" -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library 2>&1 \
    | grep -v "Cannot export local symbol" || true
[[ -d Seeds ]] || python3 make-seeds.py

seeds_of() {
    case $1 in
        FuzzJSONC) echo Seeds/jsonc ;;
        FuzzExports) echo Seeds/exports ;;
        *) echo Seeds/loader ;;
    esac
}

# No leak detection for the loader and the exports fuzzers (both load the
# bundled brands): LeakSanitizer cannot see a reference that Swift stores
# with an enum's tag in the pointer's spare bits (a brand's
# `AttributeType.enumeration([String])` vs `.scale([String])`), so every
# brand still alive looks leaked. (Swift frees by reference counting; what
# could leak is a reference cycle, which the JSONC reader fuzzer, free of
# such enums, would show for the reader.)
leak_option_of() {
    case $1 in
        FuzzLoader | FuzzExports) echo 0 ;;
        *) echo 1 ;;
    esac
}

# libFuzzer reports crashes itself; the Swift runtime's backtracer, started
# on the same signal, can hang the process after the input is saved.
export SWIFT_BACKTRACE=enable=no

pids=()
for fuzzer in "${fuzzers[@]}"; do
    mkdir -p "Corpus/$fuzzer" "Artifacts/$fuzzer" Logs
    common=(-timeout=10 -rss_limit_mb=3072 -dict=Seeds/throughline.dict -artifact_prefix="Artifacts/$fuzzer/" -print_final_stats=1)
    leaks=$(leak_option_of "$fuzzer")
    export ASAN_OPTIONS="detect_leaks=$leaks${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
    if [[ $replay == 1 ]]; then
        ".build/$config/$fuzzer" "${common[@]}" -detect_leaks="$leaks" -runs=0 \
            "Corpus/$fuzzer" "$(seeds_of "$fuzzer")" >"Logs/$fuzzer.replay.log" 2>&1 &
    else
        ".build/$config/$fuzzer" "${common[@]}" -detect_leaks="$leaks" -max_total_time="$duration" \
            "Corpus/$fuzzer" "$(seeds_of "$fuzzer")" >"Logs/$fuzzer.log" 2>&1 &
    fi
    unset ASAN_OPTIONS
    pids+=($!)
done

status=0
for index in "${!fuzzers[@]}"; do
    fuzzer=${fuzzers[$index]}
    wait "${pids[$index]}" || status=1
    log="Logs/$fuzzer.log"
    [[ $replay == 1 ]] && log="Logs/$fuzzer.replay.log"
    echo "== $fuzzer"
    grep -E "^#[0-9]+[[:space:]]+(DONE|INITED)|stat::|Done [0-9]+ runs|ERROR|SUMMARY" "$log" | tail -8 || true
    if compgen -G "Artifacts/$fuzzer/*" >/dev/null; then
        echo "   found: $(ls "Artifacts/$fuzzer")"
        status=1
    fi
done
exit $status
