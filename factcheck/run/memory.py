"""Handing freed memory back to the operating system during long runs.

Parsing allocates and frees many mid-sized arrays per batch. glibc keeps the
freed space in its heaps, so a process's resident size ratchets up to the
largest batches it has met and stays there, and a long run looks as if it
leaked. ``trim`` asks glibc to return free heap pages (``malloc_trim``);
elsewhere (musl, macOS, Windows) it does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from functools import lru_cache
from typing import Any

# Articles parsed between two trims: a trim costs ~1 ms, a batch of 16 ~1 s.
EVERY = 64


@lru_cache(maxsize=1)
def _libc() -> Any:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return libc if hasattr(libc, "malloc_trim") else None
    except OSError:
        return None


def trim() -> None:
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)
