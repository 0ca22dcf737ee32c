"""`make bench`: generate (or reuse) the data, run every benchmark, print the table, write bench/results.md.

The last lines printed are one per target, ``name: value unit (target op limit unit) ok|MISSED``.
Baselines (a minimal Textual app, stock TinyDB, the same votes without the archive) run in the same
run, side by side, because this machine's speed varies from minute to minute.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.generate import LARGE_ID, LIVE_ID, Sizes, ensure
from bench.report import TARGET_HEADER, Target, fmt, median, percentile, table, target_rows

HERE = Path(__file__).parent
PYTHON = sys.executable
COUNCIL = str(Path(sys.executable).parent / "council")


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def run_json(*args: str) -> dict[str, Any]:
    """Run ``python -m bench.<module> args`` and return the JSON object it prints last."""
    done = subprocess.run([PYTHON, "-m", *args], capture_output=True, text=True, cwd=HERE.parent, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args[:2])} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def timed_command(args: list[str], runs: int) -> list[float]:
    """Wall time of a `council` command, process start to exit, ``runs`` times."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(args, capture_output=True, text=True, check=False)
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return times


def child(*args: str) -> dict[str, Any]:
    stamp = f"{time.time():.6f}"
    return run_json("bench.child", args[0], stamp, *args[1:])


def fresh_copy(source: Path, target: Path) -> Path:
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target)
    return target


def put_live(base: Path, archive: Path) -> None:
    """Copy the live session (as generated) into the archive folder, replacing a previous run's."""
    take_live(archive)
    shutil.copytree(base / "sessions" / LIVE_ID, archive / "sessions" / LIVE_ID)


def take_live(archive: Path) -> None:
    shutil.rmtree(archive / "sessions" / LIVE_ID, ignore_errors=True)
    shutil.rmtree(archive / "backups" / LIVE_ID, ignore_errors=True)
    (archive / "state.json").unlink(missing_ok=True)


def bench_exports(archive: Path, out: Path, runs: int) -> dict[str, list[float]]:
    session = sorted(p.name for p in (archive / "sessions").iterdir() if p.name != LIVE_ID)[-1]
    results = {}
    for fmt_ in ("md", "docx", "pdf"):
        target = out / f"minutes.{fmt_}"
        args = [COUNCIL, "export", session, "--format", fmt_, "--output", str(target), "--data", str(archive)]
        results[fmt_] = timed_command(args, runs)
    results["stats"] = timed_command([COUNCIL, "stats", "--data", str(archive)], runs)
    return results


def compile_bytecode() -> None:
    """Compile the project's modules, as installing a package does: a cold start must not compile sources.

    With PYTHONDONTWRITEBYTECODE set (as on some machines), every start would otherwise compile whichever of
    the project's modules no earlier run happened to leave compiled.
    """
    for package in ("models", "sessions", "tui"):
        compileall.compile_dir(str(HERE.parent / package), quiet=1)


def bench_cold(plain: Path, archive: Path, first: Path, runs: int) -> dict[str, list[float]]:
    """Cold starts of a session the chair closed in the app before (``plain``, ``archive``) and of one never
    opened in the app (``first``, as after an import or a crash), beside the minimal app and the floor."""
    compile_bytecode()
    for folder in (plain, archive):
        if not child("close", str(folder), LIVE_ID)["closed"]:
            raise RuntimeError(f"the app did not open and close {LIVE_ID} in {folder}")
    names = ("minimal", "stack", "council", "council_archive", "council_first", "list_archive", "rows", "list_rows")
    got: dict[str, list[float]] = {name: [] for name in names}
    for _ in range(runs):  # interleaved, so that a slow minute hits both sides alike
        got["minimal"].append(child("minimal")["first_frame_s"])
        got["stack"].append(child("stack")["first_frame_s"])
        council = child("council", str(plain), LIVE_ID)
        got["council"].append(council["first_frame_s"])
        got["rows"].append(council["first_frame_rows"])
        got["council_archive"].append(child("council", str(archive), LIVE_ID)["first_frame_s"])
        got["council_first"].append(child("council", str(first), LIVE_ID)["first_frame_s"])
        listed = child("list", str(archive))
        got["list_archive"].append(listed["first_frame_s"])
        got["list_rows"].append(listed["first_frame_rows"])
    return got


def bench_instructions(plain: Path) -> dict[str, float]:
    """Instructions executed to the first frame (a reopened session, one never closed in the app, the minimal app).

    Wall times on a shared machine vary by a third from minute to minute; instruction counts are the same
    from run to run, so they show what a change to the start-up did. About two minutes; needs valgrind.
    """
    if shutil.which("valgrind") is None:
        raise RuntimeError("this measure needs valgrind (apt-get install valgrind)")
    compile_bytecode()
    first = fresh_copy(plain, plain.parent / "first-instructions")  # never closed in the app: no glance
    if not child("close", str(plain), LIVE_ID)["closed"]:
        raise RuntimeError(f"the app did not open and close {LIVE_ID} in {plain}")
    got = {}
    runs = (
        ("minimal", ["minimal"]),
        ("council", ["council", str(plain), LIVE_ID]),
        ("council_first", ["council", str(first), LIVE_ID]),
    )
    for name, args in runs:
        out = HERE / "data" / "run" / f"callgrind.{name}"
        command = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", PYTHON, "-m", "bench.child"]
        done = subprocess.run(
            [*command, args[0], f"{time.time():.6f}", *args[1:]], capture_output=True, text=True, cwd=HERE.parent
        )
        counted = [line for line in done.stderr.splitlines() if "Collected" in line]
        if done.returncode != 0 or not counted:
            raise RuntimeError(f"callgrind of the {name} start failed:\n{done.stderr[-2000:]}")
        got[f"{name}_minstr"] = int(counted[-1].split()[-1]) / 1e6
    got["ratio"] = got["council_minstr"] / got["minimal_minstr"]
    got["first_opening_ratio"] = got["council_first_minstr"] / got["minimal_minstr"]
    return got


def bench_room(base: Path, work: Path, votes: int, changes: int = 300) -> dict[str, Any]:
    """The room (bench/room.py): board latency with 5 boards, and the app's votes and memory with and without them."""
    from bench.room import app_votes, board_latency

    got: dict[str, Any] = {"latency": board_latency(fresh_copy(base, work / "room-latency"), LIVE_ID, changes, BOARDS)}
    for name in ("without", "with"):
        got[name] = {"handled_s": [], "vm_hwm_mb": [], "opening_rss_mb": []}
    half = (votes + 1) // 2
    for _round in (1, 2):  # alternate, so that drift in the machine's speed hits both alike
        for name, boards in (("without", 0), ("with", BOARDS)):
            run = app_votes(fresh_copy(base, work / "room-app"), LIVE_ID, half, boards)
            got[name]["handled_s"] += run["handled_s"]
            got[name]["vm_hwm_mb"].append(run["vm_hwm_mb"])
            got[name]["opening_rss_mb"].append(run["opening_rss_mb"])
    return got


BOARDS = 5


def room_targets(room: dict[str, Any]) -> tuple[list[Target], list[tuple[str, ...]]]:
    ms = 1000.0
    latency = room["latency"]["latency_s"]
    without, with_ = room["without"], room["with"]
    ratio = median(with_["handled_s"]) / median(without["handled_s"])
    added = median(with_["vm_hwm_mb"]) - median(without["vm_hwm_mb"])
    n = room["latency"]["changes"]
    targets = [
        Target(
            "board_latency_p50",
            median(latency) * ms,
            "ms",
            "<=",
            50,
            f"service call to event on a board, {BOARDS} boards",
        ),
        Target(
            "board_latency_p99", percentile(latency, 0.99) * ms, "ms", "<=", 150, f"same, 99th percentile, {n} changes"
        ),
        Target("room_vote_ratio", ratio, "x", "<=", 1.1, f"key to durable vote, median with {BOARDS} boards / without"),
        Target(
            "room_memory", added, "MB", "<=", 30, f"the app's VmHWM with the room and {BOARDS} boards, minus without"
        ),
    ]
    details = [
        ("board latency: service call to event received", f"p50 {fmt(median(latency) * ms)} ms, "
         f"p90 {fmt(percentile(latency, 0.9) * ms)} ms, p99 {fmt(percentile(latency, 0.99) * ms)} ms, "
         f"max {fmt(max(latency) * ms)} ms", f"{n} open votes x {BOARDS} boards on loopback, "
         f"{room['latency']['missed']} missed; the service call alone (vote fsynced): "
         f"p50 {fmt(median(room['latency'].get('durable_s') or [0]) * ms)} ms"),
        ("vote, key to durable, room open with boards", f"p50 {fmt(median(with_['handled_s']) * ms)} ms, "
         f"p99 {fmt(percentile(with_['handled_s'], 0.99) * ms)} ms", f"{len(with_['handled_s'])} votes"),
        ("vote, key to durable, same runs without the room", f"p50 {fmt(median(without['handled_s']) * ms)} ms, "
         f"p99 {fmt(percentile(without['handled_s'], 0.99) * ms)} ms", f"{len(without['handled_s'])} votes"),
        ("the app's VmHWM with the room and boards / without",
         " / ".join(f"{fmt(median(r['vm_hwm_mb']))} MB" for r in (with_, without)),
         "runs: " + ", ".join(fmt(v) for v in with_["vm_hwm_mb"] + without["vm_hwm_mb"]) + " MB"),
        ("resident memory added by opening the room and connecting the boards",
         f"{fmt(median(with_.get('opening_rss_mb') or [0]))} MB",
         f"VmRSS just before the room opened to all {BOARDS} boards connected; without the room: "
         f"{fmt(median(without.get('opening_rss_mb') or [0]))} MB"),
    ]  # fmt: skip
    return targets, details


def summarise(raw: dict[str, Any], sizes: Sizes) -> tuple[list[Target], list[tuple[str, ...]]]:
    """The targets and the detail rows (every figure, with its baseline where there is one)."""
    plain = raw["votes_plain"]["handled_s"]
    archive = raw["votes_archive"]["handled_s"]
    ms = 1000.0
    p50, p99 = median(plain) * ms, percentile(plain, 0.99) * ms
    a50, a99 = median(archive) * ms, percentile(archive, 0.99) * ms
    ours, stock = median(raw["persist"]["ours_s"]), median(raw["persist"]["stock_s"])
    cold = raw["cold"]
    cold_ratio = median(cold["council"]) / median(cold["minimal"])
    recover = raw["recover"]
    exports = raw["exports"]
    rss = raw["memory"]["peak_rss_mb"]
    targets = [
        Target("vote_latency_p50", p50, "ms", "<=", 5, f"key to durable vote on screen, {len(plain)} votes"),
        Target("vote_latency_p99", p99, "ms", "<=", 20, f"same, 99th percentile ({sizes.members} members)"),
        Target(
            "archive_ratio", a50 / p50, "x", "<=", 1.2, f"median with {sizes.archive_sessions} past sessions / without"
        ),
        Target("vs_tinydb_jsonstorage", stock / ours, "x", ">=", 20, "one vote durable: stock TinyDB / council"),
        Target("cold_start_ratio", cold_ratio, "x", "<=", 1.5, "first frame of the reopened agenda / minimal app"),
        Target("open_recover", median(recover["open_s"]) * ms, "ms", "<=", 300, "open a crashed large session"),
        Target("minutes_md", median(exports["md"]), "s", "<=", 2, "council export --format md"),
        Target("minutes_docx", median(exports["docx"]), "s", "<=", 2, "council export --format docx"),
        Target("minutes_pdf", median(exports["pdf"]), "s", "<=", 2, "council export --format pdf"),
        Target("stats_archive", median(exports["stats"]), "s", "<=", 2, "council stats over the archive"),
        Target("peak_rss", rss, "MB", "<=", 150, "the app's own peak (VmHWM), large session open"),
    ]
    painted = raw["votes_plain"]["painted_s"]
    apainted = raw["votes_archive"]["painted_s"]
    details = [
        ("vote, no archive: key to durable + widgets",
         f"p50 {fmt(p50)} ms, p90 {fmt(percentile(plain, 0.9) * ms)} ms, p99 {fmt(p99)} ms, "
         f"max {fmt(max(plain) * ms)} ms",
         f"{len(plain)} votes, {raw['votes_plain']['polls']} polls"),
        ("vote, no archive: key to next frame rendered", f"p50 {fmt(median(painted) * ms)} ms, "
         f"p99 {fmt(percentile(painted, 0.99) * ms)} ms", "includes Textual's frame pacing"),
        ("vote, with archive: key to durable + widgets", f"p50 {fmt(a50)} ms, p99 {fmt(a99)} ms, "
         f"max {fmt(max(archive) * ms)} ms", f"{len(archive)} votes; p99 ratio {fmt(a99 / p99)} x"),
        ("vote, with archive: key to next frame rendered", f"p50 {fmt(median(apainted) * ms)} ms, "
         f"p99 {fmt(percentile(apainted, 0.99) * ms)} ms", ""),
        ("one vote durable, council (service.record_vote)", f"p50 {fmt(ours * ms)} ms, "
         f"p99 {fmt(percentile(raw['persist']['ours_s'], 0.99) * ms)} ms", "journal line + fsync"),
        ("one vote durable, stock TinyDB JSONStorage", f"p50 {fmt(stock * ms)} ms",
         f"one {fmt(raw['persist']['stock_db_bytes'] / 1e6)} MB database"),
        ("cold start, minimal Textual app (baseline)", f"{fmt(median(cold['minimal']))} s", _runs(cold["minimal"])),
        ("cold start, minimal Textual app + pydantic (floor)", f"{fmt(median(cold['stack']))} s",
         f"ratio {fmt(median(cold['stack']) / median(cold['minimal']))} x; " + _runs(cold["stack"])),
        ("cold start, council, 200-item session last closed in the app", f"{fmt(median(cold['council']))} s",
         f"{fmt(median(cold['council']) / median(cold['stack']))} x the floor; " + _runs(cold["council"])
         + (f"; the first frame showed {min(cold['rows'])} items" if cold.get("rows") else "")),
        ("cold start, council, same with the archive", f"{fmt(median(cold['council_archive']))} s",
         f"ratio {fmt(median(cold['council_archive']) / median(cold['minimal']))} x"),
        *_other_starts(cold),
        ("open and recover the large session", f"{fmt(median(recover['open_s']) * ms)} ms",
         f"{recover['initiatives']} initiatives, {recover['ballots']} ballots, {recover['records']} journal records, "
         f"{recover['replayed']} replayed after the checkpoint"),
        ("council export md / docx / pdf", " / ".join(f"{fmt(median(exports[k]))} s" for k in ("md", "docx", "pdf")),
         f"a decided {sizes.archive_items}-initiative session, process start to exit"),
        ("council stats over the archive", f"{fmt(median(exports['stats']))} s",
         f"{sizes.archive_sessions} sessions, {sizes.archive_sessions * sizes.archive_items} initiatives"),
        ("peak RSS, large session open", f"{fmt(rss)} MB ({raw['memory'].get('peak_rss_source', 'ru_maxrss')})",
         f"minimal Textual app: {fmt(raw['minimal_rss'])} MB"),
    ]  # fmt: skip
    if "phones" in raw:  # members' phones (issue 19)
        from bench.phones import targets as phone_targets

        more, rows = phone_targets(raw["phones"])
        targets += more
        details += rows
    if raw.get("room"):  # (absent from the results of runs before the room was measured)
        more_targets, more_details = room_targets(raw["room"])
        targets += more_targets
        details += more_details
    return targets, details


OTHER_STARTS = (
    ("council_first", "cold start, council, a session never closed in the app",
     "no glance (a new session, or after a crash), the session is opened before the first frame"),
    ("list_archive", "cold start, `council --data`: the session list",
     "the archive's folder, {rows} sessions listed in the first frame"),
)  # fmt: skip


def _other_starts(cold: dict[str, list[float]]) -> list[tuple[str, ...]]:
    """Detail rows for the starts beside the target's (absent from results of runs before they were measured)."""
    rows = []
    for key, label, note in OTHER_STARTS:
        if cold.get(key):
            times, ratio = cold[key], median(cold[key]) / median(cold["minimal"])
            note = note.format(rows=min(cold.get("list_rows") or [0]))
            rows.append((label, f"{fmt(median(times))} s", f"ratio {fmt(ratio)} x: {note}; " + _runs(times)))
    return rows


def _runs(values: list[float]) -> str:
    return "runs: " + ", ".join(fmt(v) for v in values) + " s"


def write_results(path: Path, targets: list[Target], details: list[tuple[str, ...]], took: float) -> None:
    changes = (HERE / "changes.md").read_text(encoding="utf-8") if (HERE / "changes.md").exists() else ""
    machine = f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, {platform.system()}"
    text = "\n\n".join(
        [
            "# Benchmark results",
            f"Written by `make bench` on {dt.datetime.now():%d/%m/%Y %H:%M} ({machine}); the run took {took:.0f} s. "
            "Ratios are measured side by side in the same run; absolute times vary with the machine's load.",
            "## Targets",
            table(target_rows(targets), TARGET_HEADER),
            "## Every figure",
            table(details, ("measure", "result", "notes")),
            "## For scripts",
            "```\n" + "\n".join(t.line() for t in targets) + "\n```",
            changes.strip(),
        ]
    )
    path.write_text(text + "\n", encoding="utf-8")


def only_open_recover(paths: dict[str, Path], work: Path, runs: int) -> dict[str, Any]:
    large = fresh_copy(paths["large"], work / "large")
    pristine = paths["large"] / "sessions" / LARGE_ID
    got = run_json("bench.measure", "open_recover", str(large), LARGE_ID, str(pristine), "5")
    return {"open_recover_ms": median(got["open_s"]) * 1000, **got}


def only_peak_rss(paths: dict[str, Path], work: Path, runs: int) -> dict[str, Any]:
    got = child("council", str(fresh_copy(paths["large"], work / "large-app")), LARGE_ID, "1.0")
    minimal = child("minimal")
    return {"peak_rss_mb": got["peak_rss_mb"], "minimal_rss_mb": minimal["peak_rss_mb"], "read": got["peak_rss_source"]}


def only_cold_start(paths: dict[str, Path], work: Path, runs: int) -> dict[str, Any]:
    archive = paths["archive"]
    try:
        put_live(paths["base"], archive)
        first = fresh_copy(paths["base"], work / "first")
        cold = bench_cold(fresh_copy(paths["base"], work / "plain"), archive, first, runs)
    finally:
        take_live(archive)
    return {
        "cold_start_ratio": median(cold["council"]) / median(cold["minimal"]),
        "over_floor": median(cold["council"]) / median(cold["stack"]),
        "first_opening_ratio": median(cold["council_first"]) / median(cold["minimal"]),
        "session_list_ratio": median(cold["list_archive"]) / median(cold["minimal"]),
        **cold,
    }


def only_instructions(paths: dict[str, Path], work: Path, runs: int) -> dict[str, Any]:
    return bench_instructions(fresh_copy(paths["base"], work / "plain"))


def only_exports(paths: dict[str, Path], work: Path, runs: int) -> dict[str, Any]:
    got = bench_exports(paths["archive"], work, 3)
    return {f"minutes_{k}_s" if k != "stats" else "stats_s": median(v) for k, v in got.items()} | {"runs": got}


def only_room(paths: dict[str, Path], work: Path, runs: int) -> dict[str, Any]:
    room = bench_room(paths["base"], work, 300)
    targets, details = room_targets(room)
    print(table(details, ("measure", "result", "notes")))
    return {t.name: t.value for t in targets}


ONLY = {
    "open_recover": only_open_recover,
    "peak_rss": only_peak_rss,
    "cold_start": only_cold_start,
    "exports": only_exports,
    "instructions": only_instructions,
    "room": only_room,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="council's benchmarks")
    parser.add_argument("--data", type=Path, default=HERE / "data", help="where the generated data lives")
    parser.add_argument("--votes", type=int, default=500, help="votes per configuration (at least)")
    parser.add_argument("--runs", type=int, default=5, help="repetitions of the cold start")
    parser.add_argument("--results", type=Path, default=HERE / "results.md")
    parser.add_argument("--tiny", action="store_true", help="tiny data, few runs: checks that everything works")
    parser.add_argument("--rewrite", action="store_true", help="only rewrite results.md from the last run's figures")
    parser.add_argument(
        "--only", choices=sorted(ONLY), help="run one measurement and print it (results.md is left as it is)"
    )
    args = parser.parse_args(argv)
    if args.rewrite:
        raw = json.loads((args.data / "run" / "raw.json").read_text(encoding="utf-8"))
        targets, details = summarise(raw, Sizes())
        write_results(args.results, targets, details, raw.get("took_s", 0.0))
        return 0
    started = time.perf_counter()
    sizes = Sizes.tiny() if args.tiny else Sizes()
    votes, runs = (10, 1) if args.tiny else (args.votes, args.runs)
    paths = ensure(args.data, sizes, log=log)
    work = args.data / "run"
    work.mkdir(parents=True, exist_ok=True)
    # Every child reads its settings from a folder of the bench's own, never the person's: their language
    # (a glance kept in another one is not used, and the first frame waits for the session) and their data
    # folder would change what is measured, and each run of the app would write the bench's folder there.
    config = work / "config"
    shutil.rmtree(config, ignore_errors=True)
    os.environ["COUNCIL_CONFIG_DIR"] = str(config)
    if args.only:
        print(json.dumps(ONLY[args.only](paths, work, runs), indent=1))
        return 0
    plain = fresh_copy(paths["base"], work / "plain")
    large = fresh_copy(paths["large"], work / "large")
    archive = paths["archive"]
    raw: dict[str, Any] = {}
    try:
        take_live(archive)
        log("exports and stats (council export / council stats, process start to exit)")
        raw["exports"] = bench_exports(archive, work, 3 if not args.tiny else 1)
        put_live(paths["base"], archive)
        log("cold start: minimal Textual app, council, council with the archive")
        raw["cold"] = bench_cold(plain, archive, fresh_copy(paths["base"], work / "first"), runs)
        log("memory: the app with the large session open")
        raw["memory"] = child("council", str(fresh_copy(paths["large"], work / "large-app")), LARGE_ID, "1.0")
        raw["minimal_rss"] = child("minimal")["peak_rss_mb"]
        log("open and recover the large session")
        pristine = paths["large"] / "sessions" / LARGE_ID
        raw["recover"] = run_json("bench.measure", "open_recover", str(large), LARGE_ID, str(pristine), "5")
        raw["votes_plain"] = {"handled_s": [], "painted_s": [], "polls": 0}
        raw["votes_archive"] = {"handled_s": [], "painted_s": [], "polls": 0}
        half = (votes + 1) // 2
        for round_ in (1, 2):  # alternate, so that drift in the machine's speed hits both alike
            for name, folder in (("votes_plain", plain), ("votes_archive", archive)):
                log(f"vote latency in the app, {name.split('_')[1]} ({round_}/2)")
                got = run_json("bench.measure", "votes", str(folder), LIVE_ID, str(half))
                for key in ("handled_s", "painted_s"):
                    raw[name][key] += got[key]
                raw[name]["polls"] += got["polls"]
        log(f"the room: board latency with {BOARDS} boards, votes and memory with and without them")
        raw["room"] = bench_room(paths["base"], work, votes if not args.tiny else 10, 300 if not args.tiny else 10)
        log("one vote made durable: council against stock TinyDB holding the archive")
        put_live(paths["base"], archive)
        db = work / "stock-tinydb.json"
        raw["persist"] = run_json("bench.measure", "persist_vote", str(archive), LIVE_ID, str(db), "3")
        log("members' phones: 30 voting at once, the board and the chair following, a scoring round (bench/phones.py)")
        raw["phones"] = run_json("bench.phones", "run", str(work / "phones"))
    finally:
        take_live(archive)
    took = raw["took_s"] = time.perf_counter() - started
    targets, details = summarise(raw, sizes)
    (work / "raw.json").write_text(json.dumps(raw), encoding="utf-8")
    print()
    print(table(details, ("measure", "result", "notes")))
    print()
    print(table(target_rows(targets), TARGET_HEADER))
    if not args.tiny:
        write_results(args.results, targets, details, took)
        print(f"\nwritten to {args.results} ({took:.0f} s)\n")
    for target in targets:
        print(target.line())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
