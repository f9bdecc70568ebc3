"""Benchmarks of issues 7, 14, 22 and 23 on the sandbox over loopback, each beside its baseline in one run.

    scripts/bench              full counts (~3 min): benchmarks/results.json + results.png, a table;
                               exits 1 when any target is missed (latency ratios included)
    scripts/bench --quick      small counts (CI, well under a minute): exits 1 only when a COUNT target is
                               missed (logins, nonce rejections, sessions created), never on times;
                               writes no files unless --out DIR is given
    scripts/bench --profile    a pyinstrument profile of the session's per-request path (mock transport)
    scripts/bench --only latency [--quick]
                               the latency table of issue 14 alone (strict vs pipelined at 0/20/50 ms;
                               ~6 min full), printed only
    scripts/bench --only accounts [--quick]
                               issue 23 alone: 1,000 and 10,000 accounts in one process, the cluster
                               store (~2 min full), printed only
    scripts/bench --waits      how long a call waits on a server that never answers (~7 min), table only

The sandbox runs in its own process (``billing_sessions.sandbox.serve``), so client and server do not share
a GIL; redis-server is started on a free loopback port for the multi-process and latency benchmarks.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from bench_common import ROOT, Admin, Row, loadavg, machine, sandbox_process

OUT = ROOT / "benchmarks"
FULL = {
    "overhead": 3000,
    "reuse": 1000,
    "writes": 1000,
    "storm": 1000,
    "mp": 250,
    "imports": 15,
    "micro": 5000,
    "latency": 1000,
    "codec": 3000,
    "exactly_once": 400,
    "cluster": 1000,
}
#: Accounts per run of the many-accounts benchmark (issue 23), each in a fresh interpreter.
ACCOUNTS = {"full": [1000, 10000], "quick": [200]}
QUICK = {
    "overhead": 200,
    "reuse": 20,
    "writes": 100,
    "storm": 200,
    "mp": 25,
    "imports": 3,
    "micro": 300,
    "latency": 60,
    "codec": 300,
    "exactly_once": 40,
    "cluster": 100,
}


def run(n: dict[str, int], *, quick: bool) -> list[Row]:
    # Imported here, not at the top: each spawned child of the multi-process benchmark re-imports this file.
    from bench_accounts import cluster_store, many_accounts
    from bench_cases import (
        cold_import,
        overhead,
        reauth_storm,
        regenerate_time,
        session_reuse,
        write_throughput,
    )
    from bench_codec import codec_cost
    from bench_exactly_once import exactly_once
    from bench_hotpath import overlay_cost
    from bench_install import lean_install
    from bench_latency import latency_table
    from bench_multiprocess import multiprocess
    from bench_telemetry import telemetry_cost

    rows: list[Row] = []
    with sandbox_process() as url:
        admin = Admin(url)
        rows += overhead(url, admin, n["overhead"])
        rows += session_reuse(url, admin, n["reuse"])
        rows += write_throughput(url, admin, n["writes"])
        rows += reauth_storm(url, admin, n["storm"])
        rows += multiprocess(url, admin, n["mp"])
        rows += latency_table(url, admin, n["latency"], quick=quick)
        rows += exactly_once(url, admin, n["exactly_once"])
        rows += many_accounts(url, admin, ACCOUNTS["quick" if quick else "full"])
        rows += cluster_store(url, admin, n["cluster"])
        admin.close()
    rows += overlay_cost(n["micro"])
    rows += codec_cost(n["codec"])
    rows += telemetry_cost(n["micro"])
    rows += cold_import(n["imports"])
    rows += lean_install(n["imports"])
    if not quick:
        rows += regenerate_time()
    return rows


def only_accounts(n: int, *, quick: bool) -> list[Row]:
    from bench_accounts import cluster_store, many_accounts

    with sandbox_process() as url:
        admin = Admin(url)
        try:
            return many_accounts(url, admin, ACCOUNTS["quick" if quick else "full"]) + cluster_store(
                url, admin, n
            )
        finally:
            admin.close()


def only_latency(n: int, *, quick: bool) -> list[Row]:
    from bench_latency import latency_table

    with sandbox_process() as url:
        admin = Admin(url)
        try:
            return latency_table(url, admin, n, quick=quick)
        finally:
            admin.close()


def missed(rows: list[Row], *, counts_only: bool) -> list[Row]:
    return [r for r in rows if r["ok"] is False and (r["kind"] == "count" or not counts_only)]


def print_table(rows: list[Row], title: str, *, counts_only: bool) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    for column in ("benchmark", "variant", "result", "target", ""):
        table.add_column(column, overflow="fold")
    for r in rows:
        mark = {True: "[green]ok[/]", False: "[red]MISSED[/]", None: ""}[r["ok"]]
        if r["ok"] is False and counts_only and r["kind"] != "count":
            mark = "[yellow]missed (a time: not checked)[/]"
        table.add_row(r["bench"], r["variant"], r["result"], r["target"] or "report", mark)
    Console(width=max(160, Console().width)).print(table)


def markdown(rows: list[Row]) -> str:
    lines = ["| benchmark | variant | result | target |", "| --- | --- | --- | --- |"]
    for r in rows:
        target = r["target"] or "report"
        if r["ok"] is not None:
            target += " ✅" if r["ok"] else " ❌"
        lines.append(f"| {r['bench']} | {r['variant']} | {r['result']} | {target} |")
    return "\n".join(lines)


def write(out: Path, results: dict[str, Any]) -> None:
    from bench_plot import plot

    out.mkdir(parents=True, exist_ok=True)
    (out / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    plot(results, out / "results.png")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="billing-sessions benchmarks (issue 7)")
    parser.add_argument("--quick", action="store_true", help="small counts; fail on missed counts only")
    parser.add_argument("--out", type=Path, help="where results.json/png go (full default: benchmarks/)")
    parser.add_argument("--markdown", action="store_true", help="also print the table as Markdown")
    parser.add_argument("--profile", action="store_true", help="profile the per-request path and exit")
    parser.add_argument(
        "--only", choices=["latency", "accounts"], help="run one benchmark only (no files written)"
    )
    parser.add_argument("--waits", action="store_true", help="waits on a silent server (~7 min) and exit")
    args = parser.parse_args(argv)
    if args.profile:
        from bench_hotpath import profile

        print(profile())
        return 0
    if args.waits:
        from bench_waits import waits

        rows = waits()
        print_table(rows, "billing-sessions: a call against a server that never answers", counts_only=True)
        print(markdown(rows))
        return 0
    started = time.perf_counter()
    info = machine()
    if args.only == "latency":
        rows = only_latency((QUICK if args.quick else FULL)["latency"], quick=args.quick)
        args.out = args.out or None
    elif args.only == "accounts":
        rows = only_accounts((QUICK if args.quick else FULL)["cluster"], quick=args.quick)
    else:
        rows = run(QUICK if args.quick else FULL, quick=args.quick)
    wall = time.perf_counter() - started
    info["loadavg_1m_at_end"] = loadavg()
    mode = "quick" if args.quick else "full"
    results = {"mode": mode, "wall_s": round(wall, 1), "machine": info, "rows": rows}
    title = f"billing-sessions benchmarks ({mode}, {wall:.0f} s): {info['cpu']}, {info['cores']} cores"
    print_table(rows, title, counts_only=args.quick)
    if args.markdown:
        print(markdown(rows))
    out = args.out if args.out is not None else (None if args.quick or args.only else OUT)
    if out is not None:
        write(out, results)
        print(f"wrote {out / 'results.json'} and {out / 'results.png'}")
    failed = missed(rows, counts_only=args.quick)
    for r in failed:
        print(
            f"MISSED: {r['bench']} / {r['variant']}: {r['result']} (target: {r['target']})", file=sys.stderr
        )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
