"""Time and peak memory of verify and pseudonymise on the inputs the limits are about.

Cases (made from the bundled review, written to bench/out/limits/):

- ``review300``: a 300-page review (the bundled review repeated; 500 words a page);
- ``text20mb``: a 20 MB text, first with the default limits (it is refused:
  over SCR_MAX_TEXT_CHARS) and, with ``--allow-large``, with the limit raised;
- ``line1mb``: one line of 1 MB (no line breaks at all).

Each command runs in a fresh process that reports its own wall time, CPU
time (steadier than wall time on a shared machine) and peak resident
memory (``resource.getrusage``), so the numbers do not mix.
Usage::

    .venv/bin/python bench/bench_limits.py [--cases review300,line1mb,text20mb]
        [--commands verify,pseudonymise,events,themes] [--allow-large]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REVIEW = ROOT / "corpus" / "child_e_stockport_2017.txt"
OUT = ROOT / "bench" / "out" / "limits"
KEY = """people:
  - code: EM
    role: "Child E's mother"
    names: [Jade Kershaw, Jade]
  - code: ESW
    role: social worker
    names: [Sam Wood]
"""


def make_inputs(cases: list[str]) -> dict[str, Path]:
    OUT.mkdir(parents=True, exist_ok=True)
    text = REVIEW.read_text(encoding="utf-8")
    paths = {}
    if "review300" in cases:
        repeats = math.ceil(300 * 500 / len(text.split()))
        paths["review300"] = _write("review300.txt", "\n\n".join([text] * repeats))
    if "text20mb" in cases:
        paths["text20mb"] = _write("text20mb.txt", "\n\n".join([text] * math.ceil(20e6 / len(text)))[:20_000_000])
    if "line1mb" in cases:
        flat = " ".join(text.split())
        paths["line1mb"] = _write("line1mb.txt", ((flat + " ") * math.ceil(1_048_576 / len(flat)))[:1_048_576] + "\n")
    return paths


def _write(name: str, content: str) -> Path:
    path = OUT / name
    if not path.exists() or path.stat().st_size != len(content.encode("utf-8")):
        path.write_text(content, encoding="utf-8")
    return path


def child(args: list[str]) -> None:
    """Run `scr ARGS` in this process and print its time, peak memory and exit code as JSON on stderr's last line."""
    import resource

    sys.path.insert(0, str(ROOT))
    from pipeline import cli

    sys.argv = ["scr", *args]
    start = time.perf_counter()
    code = 0
    try:
        cli.main()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    seconds = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_SELF)
    measured = {
        "seconds": round(seconds, 1),
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 1),
        "peak_mb": round(usage.ru_maxrss / 1024),
        "exit": code,
    }
    sys.stderr.write("\nBENCH " + json.dumps(measured) + "\n")


def measure(command: str, path: Path, key: Path, env: dict) -> dict:
    if command == "verify":
        args = ["verify", str(path), "--key", str(key), "--format", "json"]
    elif command == "pseudonymise":
        args = ["pseudonymise", str(path), "--key", str(key), "--out", str(OUT / f"{path.stem}.coded.txt")]
    else:  # events, themes
        args = [command, str(path)]
    result = subprocess.run(
        [sys.executable, __file__, "--child", *args], capture_output=True, text=True, env={**os.environ, **env}
    )
    lines = [line for line in result.stderr.splitlines() if line.startswith("BENCH ")]
    if not lines:
        return {"error": result.stderr.strip().splitlines()[-1:] or ["no result"]}
    measured = json.loads(lines[-1][6:])
    errors = [line for line in result.stderr.splitlines() if line.startswith(("error:", "internal error:"))]
    if errors:
        measured["message"] = errors[0][:160]
    return measured


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2:])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", default="review300,line1mb,text20mb")
    parser.add_argument("--commands", default="verify,pseudonymise")
    parser.add_argument(
        "--allow-large", action="store_true", help="also run the 20 MB text with SCR_MAX_TEXT_CHARS raised"
    )
    options = parser.parse_args()
    cases = options.cases.split(",")
    paths = make_inputs(cases)
    with tempfile.TemporaryDirectory() as private:
        key = Path(private) / "key.yaml"
        key.write_text(KEY, encoding="utf-8")
        key.chmod(0o600)
        for case in cases:
            path = paths[case]
            runs = [("default limits", {})]
            if case == "text20mb" and options.allow_large:
                runs.append(("SCR_MAX_TEXT_CHARS=25000000", {"SCR_MAX_TEXT_CHARS": "25000000"}))
            for label, env in runs:
                for command in options.commands.split(","):
                    result = measure(command, path, key, env)
                    size = path.stat().st_size / 1e6
                    print(f"{case:10} {size:6.1f} MB  {command:12} {label:28} {json.dumps(result)}", flush=True)


if __name__ == "__main__":
    main()
