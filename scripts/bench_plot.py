"""benchmarks/results.png from the rows of one run (matplotlib, Agg: no display needed)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bench_common import Row


def _rows(rows: list[Row], bench: str) -> list[Row]:
    return [r for r in rows if r["bench"] == bench]


def _labels(ax: Any, bars: Any, texts: list[str]) -> None:
    for bar, text in zip(bars, texts, strict=True):
        ax.annotate(
            text,
            (bar.get_x() + bar.get_width() / 2, bar.get_height()),
            ha="center",
            va="bottom",
            fontsize=8,
            xytext=(0, 2),
            textcoords="offset points",
        )


def plot(results: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rows: list[Row] = results["rows"]
    table = [r for r in rows if r.get("table") == "jitter" and "mode" in r]
    fig = plt.figure(figsize=(16, 14 if table else 9))
    grid = fig.add_gridspec(3 if table else 2, 3)
    over, reuse, writes = (fig.add_subplot(grid[0, i]) for i in range(3))
    storm, imports, cost = (fig.add_subplot(grid[1, i]) for i in range(3))

    # 1. latency ratios vs raw httpx
    o = [r for r in rows if r["bench"].startswith("overhead")]
    labels = [f"{r['bench'].split()[1]}\n{r['variant'].split(' (')[0]}" for r in o]
    x = range(len(o))
    b50 = over.bar([i - 0.2 for i in x], [r["ratio_p50"] for r in o], 0.4, label="p50", color="#4c72b0")
    b99 = over.bar([i + 0.2 for i in x], [r["ratio_p99"] for r in o], 0.4, label="p99", color="#8da0cb")
    _labels(over, b50, [f"{r['ratio_p50']:.2f}" for r in o])
    _labels(over, b99, [f"{r['ratio_p99']:.2f}" for r in o])
    over.axhline(1.10, color="red", linestyle="--", label="target 1.10")
    over.set_xticks(list(x), labels, fontsize=8)
    over.set_ylim(0.8, max(1.25, *(r["ratio_p99"] + 0.05 for r in o)))
    over.set_title("1. GET /status latency / raw httpx (interleaved)")
    over.legend(fontsize=8, loc="upper left")

    # 2. session reuse
    s = _rows(rows, "session reuse")
    bars = reuse.bar([r["variant"] for r in s], [r["wall_s"] for r in s], color=["#55a868", "#c44e52"])
    _labels(reuse, bars, [f"{r['wall_s']:.1f} s, {r['sessions_created']} session(s) made" for r in s])
    reuse.set_ylabel("wall time (s)")
    reuse.set_title(f"2. {s[0]['n']} Számla Agent calls, {s[0]['login_cost_s'] * 1000:.0f} ms per login")

    # 3 and 6. write throughput, one process and four
    w = _rows(rows, "write throughput") + _rows(rows, "multi-process")
    names = [r["variant"].replace("processes, ", "processes\n") for r in w]
    bars = writes.bar(names, [r["writes_per_s"] for r in w], color="#55a868")
    _labels(writes, bars, [f"{r['writes_per_s']:.0f}/s\n{r['nonce_rejections']} rejected" for r in w])
    writes.set_ylabel("Gestix writes/s")
    writes.tick_params(axis="x", labelsize=8)
    writes.set_title("3, 6. Gestix writes/s (nonces in order)")
    writes.margins(y=0.2)

    # 4. re-auth storm
    st = _rows(rows, "re-auth storm")
    x = range(len(st))
    b50 = storm.bar([i - 0.2 for i in x], [r["p50_ms"] for r in st], 0.4, label="p50", color="#4c72b0")
    b99 = storm.bar([i + 0.2 for i in x], [r["p99_ms"] for r in st], 0.4, label="p99", color="#8da0cb")
    _labels(storm, b99, [f"{r['logins']} login(s)" for r in st])
    storm.set_xticks(list(x), [r["variant"].replace(", ", "\n") for r in st], fontsize=8)
    storm.set_ylabel("latency (ms)")
    storm.set_title("4. concurrent GETs across one forced expiry")
    storm.legend(fontsize=8, loc="upper left")
    storm.margins(y=0.15)

    # 5. cold import
    (ci,) = _rows(rows, "cold import")
    values = [ci["httpx_ms"], ci["ms"], ci["all_providers_ms"]]
    bars = imports.bar(
        ["import httpx", "import\nbilling_sessions", "all four\nproviders"], values, color="#937860"
    )
    _labels(imports, bars, [f"{v:.0f} ms" for v in values])
    imports.set_ylabel("ms (fresh interpreter, median)")
    regen = _rows(rows, "regenerate")
    extra = f"; scripts/regenerate {regen[0]['wall_s']:.0f} s" if regen else ""
    imports.set_title(f"5. cold import (x{ci['ratio']:.2f} httpx){extra}")
    imports.margins(y=0.15)

    # overlay cost per request, no network
    c = _rows(rows, "overlay cost")
    bars = cost.bar([r["variant"] for r in c], [r["us_extra"] for r in c], color="#8172b2")
    _labels(cost, bars, [f"+{r['us_extra']:.1f} µs" for r in c])
    cost.set_ylabel("CPU µs per request over raw httpx")
    cost.set_title("overlay's own cost per request (no network)")
    cost.margins(y=0.15)

    if table:
        _jitter(fig.add_subplot(grid[2, :2]), fig.add_subplot(grid[2, 2]), table)

    m = results["machine"]
    fig.suptitle(
        f"billing-sessions benchmarks, one {results['mode']} run: {m['cpu']}, {m['cores']} cores, "
        f"{m['python']}, {m['os']}",
        fontsize=11,
    )
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def _jitter(rates: Any, resent: Any, table: list[Row]) -> None:
    """7. The jitter table: writes/s against jitter per setup (default solid, strict dashed), and the share
    of writes re-sent."""
    from matplotlib.ticker import FuncFormatter

    setups = list(dict.fromkeys(r["setup"] for r in table))
    colors = dict(zip(setups, ("#4c72b0", "#55a868", "#c44e52", "#8172b2", "#ccb974"), strict=False))
    for setup in setups:
        for mode, style in (("default", "-"), ("strict", "--")):
            points = sorted((r["jitter_ms"], r) for r in table if r["setup"] == setup and r["mode"] == mode)
            if not points:
                continue
            xs = [j for j, _ in points]
            rates.plot(
                xs,
                [r["writes_per_s"] for _, r in points],
                style,
                marker="o",
                color=colors[setup],
                label=f"{setup}, {mode}",
            )
            if mode == "default":
                resent.plot(
                    xs,
                    [100 * r["resends"] / r["n"] for _, r in points],
                    style,
                    marker="o",
                    color=colors[setup],
                    label=setup,
                )
    jitters = sorted({r["jitter_ms"] for r in table})
    rates.set_yscale("log")
    plain = FuncFormatter(lambda y, _: f"{y:g}")
    rates.yaxis.set_major_formatter(plain)
    rates.yaxis.set_minor_formatter(plain)
    rates.set_xticks(jitters, [f"± {j:g}" for j in jitters])
    rates.set_xlabel("jitter on the 50 ms round trip (ms)")
    rates.set_ylabel("Gestix writes/s (log)")
    rates.set_title("7. Gestix writes/s at 50 ms against jitter: default (solid), writes='strict' (dashed)")
    rates.legend(fontsize=7, ncol=2, loc="center right")
    resent.axhline(1, color="red", linestyle="--", label="target (threads, tasks): 1 %")
    resent.set_xticks(jitters, [f"± {j:g}" for j in jitters])
    resent.set_xlabel("jitter on the 50 ms round trip (ms)")
    resent.set_ylabel("writes re-sent (% of writes)")
    resent.set_title("7. default mode: writes re-sent")
    resent.legend(fontsize=7)
