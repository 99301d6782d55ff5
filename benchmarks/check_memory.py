"""Peak memory of `factcheck check` as the batch grows: flat, not per article.

    .venv/bin/python benchmarks/check_memory.py [--articles 500 3000]

Runs the real console script under `/usr/bin/time -v` inside `script` (a
pseudo-terminal, so the progress line is drawn as a user sees it), on gva_dev
repeated with new ids, with the cache off. Prints the last progress line, the
peak RSS and the wall time of each run, and the ratio of the peak RSS values.
"""

from __future__ import annotations

import argparse
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
FACTCHECK = Path(sys.executable).with_name("factcheck")
sys.path.insert(0, str(HERE))


def run(corpus: Path, out: Path) -> tuple[str, int, str]:
    cmd = (f"/usr/bin/time -v {shlex.quote(str(FACTCHECK))} check {shlex.quote(str(corpus))} "
           f"--no-cache --exit-zero --format json -o {shlex.quote(str(out))}")
    log = out.with_suffix(".log")
    subprocess.run(["script", "-qec", cmd, str(log)], check=True, stdout=subprocess.DEVNULL,
                   stdin=subprocess.DEVNULL)
    text = log.read_text(errors="replace")
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1)
    frames = [f.strip() for f in re.split(r"[\r\n]", text) if f.strip().startswith("extracting:")]
    return (frames[-1] if frames else "(no progress line)"), rss, wall


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, nargs="+", default=[500, 3000])
    args = ap.parse_args()
    from corpus import build

    peaks = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.articles:
            corpus, articles, words = build(0, articles=n)
            progress, rss, wall = run(corpus, Path(tmp) / f"r{n}.json")
            peaks.append(rss)
            print(f"{articles:>6,} articles {words:>9,} words  peak RSS {rss / 1024:7,.0f} MB  "
                  f"wall {wall}\n        last progress line: {progress}", flush=True)
    print(f"peak RSS {args.articles[-1]:,} / {args.articles[0]:,} articles: "
          f"{peaks[-1] / peaks[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
