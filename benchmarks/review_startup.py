"""Time from launching `factcheck review` to the first discrepancy on screen.

    .venv/bin/python benchmarks/review_startup.py [--articles 500] [--runs 1]

The real console script runs in tmux (a real terminal, the real driver); the
pane is polled every 50 ms until the list's first row shows (or the app says
there is nothing to review). The baseline, measured in the same run on the
same input, is `factcheck check --format json` start to exit: the review app
should add little on top of the run itself (target: ratio <= 1.3). Both run
with --no-cache, so every launch extracts from scratch; with --warm, a
review launch with the extraction cache filled is timed too.

Inputs: the seeds, and the first --articles lines of
/work/shared/eval/news/gva_dev.jsonl (or --corpus). Timings on a shared
machine are noisy: read the ratios, not the absolute figures.
"""

from __future__ import annotations

import argparse
import json
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FACTCHECK = str(ROOT / ".venv" / "bin" / "factcheck")
CORPUS = Path("/work/shared/eval/news/gva_dev.jsonl")
# The status line under a shown list ("3/3 shown · …"), or the "nothing to review" message.
EXITED = "FACTCHECK-EXIT="
SHOWN = (" shown · ", "No discrepancies", "no articles", "Could not load")


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=True).stdout


def time_review(paths: list[str], triage: Path, cache: str,
                timeout: float = 900) -> tuple[float, str]:
    """Seconds from launch to the first row on screen, and what was shown."""
    name = f"fc-bench-{uuid.uuid4().hex[:8]}"
    args = " ".join(map(shlex.quote, paths))
    command = (f"cd {shlex.quote(str(ROOT))} && {FACTCHECK} review {args} "
               f"--triage {shlex.quote(str(triage))} {cache}; echo {EXITED}$?; sleep 600")
    started = time.monotonic()
    tmux("new-session", "-d", "-s", name, "-x", "120", "-y", "32", command)
    tmux("resize-window", "-t", name, "-x", "120", "-y", "32")
    try:
        while time.monotonic() - started < timeout:
            screen = tmux("capture-pane", "-p", "-t", name)
            hit = next((s for s in SHOWN if s in screen), None)
            if hit:
                return time.monotonic() - started, hit.strip()
            if EXITED in screen:
                raise SystemExit(f"review exited before showing anything:\n{screen}")
            time.sleep(0.05)
        raise SystemExit(f"nothing shown after {timeout}s:\n{screen}")
    finally:
        subprocess.run(["tmux", "send-keys", "-t", name, "q"], capture_output=True)
        time.sleep(0.5)
        subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True)


def time_check(paths: list[str], triage: Path) -> tuple[float, int]:
    started = time.monotonic()
    out = subprocess.run([FACTCHECK, "check", *paths, "--triage", str(triage), "--format",
                          "json", "--no-cache", "--exit-zero"], cwd=ROOT, capture_output=True,
                         text=True)
    if out.returncode != 0:
        raise SystemExit(out.stderr)
    return time.monotonic() - started, len(json.loads(out.stdout)["discrepancies"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--warm", action="store_true",
                        help="also time a launch with the extraction cache filled")
    parser.add_argument("--only", choices=("seeds", "batch"),
                        help="time one input only (default: both)")
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        raise SystemExit("needs tmux")
    with tempfile.TemporaryDirectory() as tmp:
        batch = Path(tmp) / f"batch-{args.articles}.jsonl"
        with args.corpus.open(encoding="utf-8") as src:
            batch.write_text("".join(line for _, line in zip(range(args.articles), src,
                                                               strict=False)))
        triage = Path(tmp) / "triage.json"
        cache = Path(tmp) / "cache"
        print(f"{'input':<22}{'check s':>9}{'review s':>10}{'ratio':>7}{'warm s':>8}  shown")
        inputs = (("seeds (6)", ["seeds/"]), (f"gva_dev ({args.articles})", [str(batch)]))
        if args.only:
            inputs = inputs[:1] if args.only == "seeds" else inputs[1:]
        for label, paths in inputs:
            for _ in range(args.runs):
                base, found = time_check(paths, triage)
                cold, shown = time_review(paths, triage, "--no-cache")
                warm = "-"
                if args.warm:
                    time_review(paths, triage, f"--cache-dir {cache}")  # fills the cache
                    warm = f"{time_review(paths, triage, f'--cache-dir {cache}')[0]:.2f}"
                print(f"{label:<22}{base:>9.2f}{cold:>10.2f}{cold / base:>7.2f}{warm:>8}"
                      f"  {shown!r} ({found} discrepancies)")
                sys.stdout.flush()


if __name__ == "__main__":
    main()
