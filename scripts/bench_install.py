"""What ``pip install billing-sessions`` brings into a service: packages, megabytes, the cold import against
``import httpx``, the import names it claims and what of the generated code the library loads (never the
sandbox's models, which ship in the same wheel), all in one fresh virtual environment holding nothing else."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import venv
from pathlib import Path
from typing import Any

from bench_common import ROOT, Row, import_medians, row

#: What the session library imports itself, beside httpx and what httpx needs.
OWN = {"billing-sessions", "attrs", "filelock"}
#: Run inside the lean environment: every installed distribution, its size, and httpx's dependency closure.
SURVEY = r"""
import json, re
from importlib import metadata

def norm(name):
    return re.sub(r"[-_.]+", "-", name).lower()

dists = {norm(d.metadata["Name"]): d for d in metadata.distributions()}
def closure(name, seen):
    if name in seen or name not in dists:
        return seen
    seen.add(name)
    for req in dists[name].requires or []:
        if "extra ==" not in req:
            closure(norm(re.match(r"[A-Za-z0-9_.-]+", req).group(0)), seen)
    return seen

size = 0
for d in dists.values():
    for f in d.files or []:
        p = d.locate_file(f)
        if p.is_file():
            size += p.stat().st_size
print(json.dumps({"installed": sorted(dists), "httpx": sorted(closure("httpx", set())), "bytes": size}))
"""
#: Run inside the lean environment: the top-level import names the package claims, the bytes of the sandbox's
#: models it ships, and what of the generated code the library loads (the sandbox's models: nothing).
FOOTPRINT = r"""
import json, sys
from importlib import metadata

files = metadata.distribution("billing-sessions").files or []
names = sorted({
    f.parts[0].removesuffix(".py") for f in files
    if f.parts[0] not in ("..", "__pycache__") and not f.parts[0].endswith((".dist-info", ".pth"))
})
models = ("billing_sessions_generated", "sandbox_models")
sandbox = sum(f.locate().stat().st_size for f in files if f.parts[:2] == models)
from billing_sessions import bill, bill_v3, billingplatform, errors, gestix, stores, szamla_agent
generated = [m for m in sys.modules if m.startswith("billing_sessions_generated.")]
loaded = sorted({".".join(m.split(".")[:2]) for m in generated})
old = sorted(m for m in sys.modules if m.endswith("_client") and "." not in m)
print(json.dumps({"names": names, "sandbox_bytes": sandbox, "loaded": loaded, "old": old}))
"""
#: The import names the package may claim; the *_client aliases are deprecated, removed in 0.3.0.
OWN_NAMES = {"billing_sessions", "billing_sessions_generated"}
DEPRECATED_NAMES = {f"{p}_client" for p in ("gestix", "szamla_agent", "bill", "bill_v3", "billingplatform")}


def lean_install(runs: int) -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="bench-lean-") as tmp:
        env = Path(tmp) / "venv"
        venv.EnvBuilder(with_pip=True).create(env)
        python = str(env / "bin" / "python")
        subprocess.run(
            [python, "-m", "pip", "install", "-q", "--disable-pip-version-check", str(ROOT)],
            check=True,
            capture_output=True,
        )
        # The tools of the environment itself are not what the package brought.
        before = {"pip", "setuptools", "wheel"}
        survey = json.loads(subprocess.run([python, "-c", SURVEY], check=True, capture_output=True).stdout)
        installed = [name for name in survey["installed"] if name not in before]
        pip_bytes = _bytes(python, before)
        megabytes = (survey["bytes"] - pip_bytes) / 1e6
        extra = sorted(set(installed) - OWN - set(survey["httpx"]))
        footprint = json.loads(
            subprocess.run([python, "-c", FOOTPRINT], check=True, capture_output=True).stdout
        )
        codes = {
            "httpx": "import httpx",
            "billing_sessions": "import billing_sessions",
            "one provider": "from billing_sessions import gestix",
        }
        ms = import_medians(python, codes, runs)
    ratio = ms["billing_sessions"] / ms["httpx"]
    return [
        row(
            "lean install",
            "pip install billing-sessions",
            f"{len(installed)} packages, {megabytes:.1f} MB: {', '.join(installed)}"
            + (f"; beyond httpx's own: {', '.join(extra)}" if extra else ""),
            target="httpx and its dependencies, attrs, filelock: nothing else",
            kind="count",
            ok=not extra,
            packages=len(installed),
            megabytes=round(megabytes, 1),
            installed=installed,
        ),
        row(
            "lean install",
            "cold import, lean environment",
            f"import billing_sessions {ms['billing_sessions']:.0f} ms vs import httpx {ms['httpx']:.0f} ms "
            f"(x{ratio:.2f}); a provider module (gestix, with httpx and its generated client) "
            f"{ms['one provider']:.0f} ms",
            target="x1.15 at most",
            kind="time",
            ok=ratio <= 1.15,
            runs=runs,
            ms=round(ms["billing_sessions"], 1),
            httpx_ms=round(ms["httpx"], 1),
            provider_ms=round(ms["one provider"], 1),
            ratio=round(ratio, 2),
        ),
        _footprint_row(footprint),
    ]


def _footprint_row(footprint: dict[str, Any]) -> Row:
    names = set(footprint["names"])
    sandbox_loaded = [m for m in footprint["loaded"] if m.endswith(".sandbox_models")]
    own = sorted(names & OWN_NAMES)
    deprecated = sorted(names & DEPRECATED_NAMES)
    foreign = sorted(names - OWN_NAMES - DEPRECATED_NAMES)
    return row(
        "lean install",
        "import names and what the library loads",
        f"claims {', '.join(own)}"
        + (f" + {len(deprecated)} deprecated aliases ({', '.join(deprecated)})" if deprecated else "")
        + (f" + other names: {', '.join(foreign)}" if foreign else "")
        + f"; all provider modules load {', '.join(footprint['loaded'])}"
        + f"; the sandbox's models ({footprint['sandbox_bytes'] / 1e3:.0f} KB shipped) "
        + ("loaded" if sandbox_loaded else "not loaded")
        + (f"; old names loaded: {', '.join(footprint['old'])}" if footprint["old"] else ""),
        target="the two own names (+ aliases until 0.3.0); no sandbox model loaded",
        kind="count",
        ok=not foreign and not sandbox_loaded and not footprint["old"],
        names=sorted(names),
        sandbox_kb=round(footprint["sandbox_bytes"] / 1e3),
        loaded=footprint["loaded"],
    )


def _bytes(python: str, names: set[str]) -> int:
    code = (
        "import sys; from importlib import metadata\n"
        "total = 0\n"
        "for name in sys.argv[1:]:\n"
        "    try: d = metadata.distribution(name)\n"
        "    except metadata.PackageNotFoundError: continue\n"
        "    total += sum(p.stat().st_size for f in d.files or [] if (p := d.locate_file(f)).is_file())\n"
        "print(total)"
    )
    out = subprocess.run([python, "-c", code, *sorted(names)], check=True, capture_output=True, text=True)
    return int(out.stdout)


if __name__ == "__main__":
    for r in lean_install(int(sys.argv[1]) if len(sys.argv) > 1 else 5):
        print(r["variant"], "->", r["result"])
