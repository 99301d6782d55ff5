"""The facts table as a file: Parquet, CSV or JSON Lines, chosen by the suffix."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from ..errors import FactcheckError
from .atomic import atomic_path

TABLE_SUFFIXES = (".parquet", ".csv", ".jsonl", ".ndjson")


def check_table_path(path: str | Path) -> None:
    """Fail before any work is done when an output path has no known type."""
    if Path(path).suffix.lower() not in TABLE_SUFFIXES:
        raise FactcheckError("unknown output type; use .parquet, .csv or .jsonl", path=str(path))


def write_table(df: pl.DataFrame, path: str | Path) -> None:
    """Write a table by its suffix (.parquet, .csv, .jsonl), atomically."""
    check_table_path(path)
    path = Path(path)
    suffix = path.suffix.lower()
    with atomic_path(path) as tmp:
        if suffix == ".parquet":
            df.write_parquet(tmp)
        elif suffix == ".csv":
            # CSV has no lists: join them so the file stays one row per fact.
            flat = df.with_columns(
                [pl.col(c).list.join("; ") for c, t in df.schema.items() if isinstance(t, pl.List)]
            )
            flat.write_csv(tmp)
        else:
            df.write_ndjson(tmp)


def read_table(path: str | Path) -> pl.DataFrame:
    path = Path(path)
    try:
        if path.suffix.lower() == ".parquet" or path.is_dir():
            return pl.read_parquet(path if path.is_file() else f"{path}/**/*.parquet")
        if path.suffix.lower() == ".csv":
            return pl.read_csv(path)
        return pl.read_ndjson(path)
    except FileNotFoundError:
        raise FactcheckError("no such file or folder", path=str(path)) from None
    except Exception as exc:  # polars raises several kinds for a bad file
        raise FactcheckError(f"cannot read the facts table: {exc}".splitlines()[0],
                             path=str(path)) from None
