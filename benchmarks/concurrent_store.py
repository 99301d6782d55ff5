"""Concurrent `store add`: N writers at once, R rounds; every article must be kept.

    .venv/bin/python benchmarks/concurrent_store.py --writers 2 --rounds 10
    .venv/bin/python benchmarks/concurrent_store.py --writers 5 --rounds 10

Each writer adds its own three articles to one fresh store with `--wait`; after
each round the store is read back (as `check --against` reads it) and every
article of every writer must be there. Prints one line a round and exits 1 if
any round lost an article or a writer failed.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SCRIPT = Path(sys.executable).with_name("factcheck")


def one_round(root: Path, writers: int) -> tuple[bool, str]:
    names: list[list[str]] = []
    for w in range(writers):
        mine = []
        for i in range(3):
            p = root / f"w{w}-{i}.txt"
            p.write_text(f"Writer {w} heard that {i + 2} ferries sailed and {w + 5} were "
                         "held in port on Sunday.\n", encoding="utf-8")
            mine.append(p.name)
        names.append(mine)
    start = time.monotonic()
    procs = [subprocess.Popen([str(SCRIPT), "store", "add", *mine, "--store", "st",
                               "--wait", "300", "--jobs", "1"], cwd=root,
                              stderr=subprocess.PIPE, text=True) for mine in names]
    errs = [p.communicate()[1] for p in procs]
    took = time.monotonic() - start
    codes = [p.returncode for p in procs]
    from factcheck.storage.store import Store

    articles, facts = Store(root / "st").load()
    stored = {a.id for a in articles}
    wanted = {n for mine in names for n in mine}
    waited = sum("waiting for another writer" in e for e in errs)
    ok = codes == [0] * writers and stored == wanted
    return ok, (f"exit codes {codes}, {len(stored)}/{len(wanted)} articles readable "
                f"({len(facts)} facts), {waited} writers waited, {took:.1f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--writers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    failed = 0
    for r in range(1, args.rounds + 1):
        with tempfile.TemporaryDirectory(prefix="factcheck-store-") as tmp:
            ok, line = one_round(Path(tmp), args.writers)
        failed += not ok
        print(f"round {r:2d}, {args.writers} writers: {'ok  ' if ok else 'LOST'} {line}",
              flush=True)
    print(f"{args.rounds - failed}/{args.rounds} rounds kept every article")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
