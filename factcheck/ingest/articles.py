"""Reading articles: Markdown with front matter, text, HTML, JSON Lines.

Offsets of every fact point into ``Article.text``, which is the text as read:
the whole file for ``.md`` and ``.txt`` (front matter included, so an editor's
line numbers match), the extracted main text for ``.html``, and the ``text``
field for JSON Lines.
"""

from __future__ import annotations

import glob
import json
import os
import stat
import sys
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import IO, Any

from ..errors import FactcheckError
from ..model import MAX_ARTICLE_CHARS, Article
from ..safe_yaml import YamlProblem, compose

MARKDOWN = {".md", ".markdown"}
TEXT = {".txt"}
HTML = {".html", ".htm"}
JSONL = {".jsonl", ".ndjson"}
SUPPORTED = MARKDOWN | TEXT | HTML | JSONL

_RECORD_FIELDS = {"id", "text", "source", "title", "published", "url", "story"}

# Files a folder walk passes over: documentation that sits beside articles.
_SKIPPED_STEMS = {"readme", "changelog", "license", "notes"}


class LineIndex:
    """Offset → (line, column), both 1-based, in O(log n)."""

    def __init__(self, text: str):
        self._starts = [0]
        self._starts.extend(i + 1 for i, ch in enumerate(text) if ch == "\n")

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1


def parse_published(value: Any, *, path: str, line: int | None = None) -> datetime | None:
    """ISO 8601 (or a date YAML already parsed) → an aware datetime; naive means UTC."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, date):
        moment = datetime(value.year, value.month, value.day)
    elif isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            raise FactcheckError(
                f"published: {value!r} is not an ISO 8601 date (e.g. 2025-02-13T09:30:00Z)",
                path=path,
                line=line,
            ) from None
    else:
        raise FactcheckError(f"published: expected a date, got {type(value).__name__}",
                             path=path, line=line)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment


def _decode(raw: bytes, path: str) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise FactcheckError(
            f"not UTF-8: byte 0x{raw[exc.start]:02x} at offset {exc.start}; "
            "re-save the file as UTF-8",
            path=path,
            line=line,
        ) from None
    return text.removeprefix("\ufeff")


def _too_long(limit: int) -> str:
    return (f"longer than {limit:,} characters, the limit for one article "
            "(--max-article-chars)")


@contextmanager
def _reading(shown: str) -> Iterator[None]:
    """A failed read as one line naming the file."""
    try:
        yield
    except PermissionError:
        raise FactcheckError("cannot read: permission denied", path=shown) from None
    except IsADirectoryError:
        raise FactcheckError("is a folder, expected a file", path=shown) from None
    except OSError as exc:
        raise FactcheckError(f"cannot read: {exc.strerror}", path=shown) from None


def _read_bytes(path: Path, shown: str, limit: int) -> bytes:
    """The file's bytes, reading no more than an article of `limit` characters can
    take (UTF-8: 4 bytes a character), so /dev/zero or a huge dump stops early."""
    with _reading(shown), path.open("rb") as fh:
        raw = fh.read(4 * limit + 1)
    if len(raw) > 4 * limit:
        raise FactcheckError(_too_long(limit), path=shown)
    return raw


def _front_matter(text: str, shown: str) -> tuple[dict[str, Any], int]:
    """Split YAML front matter off a Markdown text: (fields, body offset)."""
    if not text.startswith("---"):
        return {}, 0
    first_nl = text.find("\n")
    if first_nl < 0 or text[:first_nl].strip() != "---":
        return {}, 0
    pos = first_nl + 1
    while True:
        nl = text.find("\n", pos)
        line = text[pos:] if nl < 0 else text[pos:nl]
        if line.strip() in ("---", "..."):
            block = text[first_nl + 1 : pos]
            body = len(text) if nl < 0 else nl + 1
            break
        if nl < 0:
            raise FactcheckError("malformed front matter: no closing '---'", path=shown, line=1)
        pos = nl + 1
    try:
        fields = compose(block, shift=1)[0] or {}  # the block starts on line 2
    except YamlProblem as exc:
        at = exc.line if exc.line is not None else 1
        raise FactcheckError(f"malformed front matter: {exc.problem}", path=shown,
                             line=at) from None
    if not isinstance(fields, dict):
        raise FactcheckError("malformed front matter: expected 'key: value' lines",
                             path=shown, line=2)
    return fields, body


def _str(fields: dict[str, Any], key: str, default: str = "") -> str:
    value = fields.get(key)
    return default if value is None else str(value)


def _from_markdown(text: str, shown: str, stem: str) -> Article:
    fields, body = _front_matter(text, shown)
    return Article(
        id=shown,
        path=shown,
        source=_str(fields, "source", stem),
        title=_str(fields, "title", stem),
        published=parse_published(fields.get("published"), path=shown),
        url=_str(fields, "url"),
        story=_str(fields, "story") or None,
        text=text,
        body_start=body,
        extra={k: v for k, v in fields.items()
               if k not in {"source", "title", "published", "url", "story"}},
    )


def _from_text(text: str, shown: str, stem: str) -> Article:
    return Article(id=shown, path=shown, source=stem, title=stem, published=None, url="",
                   story=None, text=text)


def _from_html(text: str, shown: str, stem: str) -> Article:
    import trafilatura  # slow to import; only HTML needs it

    body = trafilatura.extract(text, include_comments=False, include_tables=False,
                               favor_precision=True) or ""
    if not body.strip():
        raise FactcheckError("no article text found in the HTML", path=shown)
    meta = trafilatura.extract_metadata(text)
    published = None
    if meta is not None and meta.date:
        published = parse_published(meta.date, path=shown)
    return Article(
        id=shown,
        path=shown,
        source=(meta.sitename or meta.hostname or stem) if meta else stem,
        title=(meta.title or stem) if meta else stem,
        published=published,
        url=(meta.url or "") if meta else "",
        story=None,
        text=body,
    )


def _json_record(line: str, shown: str, lineno: int) -> Any:
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise FactcheckError(f"not JSON: {exc.msg} (column {exc.colno})",
                             path=shown, line=lineno) from None
    except RecursionError:
        # Python's parser recurses per level: its recursion limit is the depth limit.
        raise FactcheckError("not an article record: JSON nested too deeply",
                             path=shown, line=lineno) from None
    except ValueError as exc:
        problem = str(exc).split(";")[0]
        if "integer string conversion" in problem:  # Python's guard against slow int()
            problem = "a number of more than 4,300 digits"
        raise FactcheckError(f"not an article record: {problem}",
                             path=shown, line=lineno) from None


def _lines(stream: Iterable[str | bytes], shown: str) -> Iterator[tuple[int, str]]:
    """Numbered lines of a JSON Lines stream; bytes are decoded as UTF-8 line by line."""
    for lineno, line in enumerate(stream, 1):
        if isinstance(line, bytes):
            try:
                line = line.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise FactcheckError(f"not UTF-8: byte 0x{line[exc.start]:02x} at column "
                                     f"{exc.start + 1}; re-save the feed as UTF-8",
                                     path=shown, line=lineno) from None
        yield lineno, line


def _from_jsonl(stream: Iterable[str | bytes], shown: str,
                limit: int = MAX_ARTICLE_CHARS) -> Iterator[Article]:
    for lineno, line in _lines(stream, shown):
        if not line.strip():
            continue
        record = _json_record(line, shown, lineno)
        if not isinstance(record, dict):
            raise FactcheckError("expected a JSON object with a 'text' field",
                                 path=shown, line=lineno)
        text = record.get("text")
        if not isinstance(text, str):
            raise FactcheckError("no 'text' field (a string) in this record",
                                 path=shown, line=lineno)
        if len(text) > limit:
            raise FactcheckError(_too_long(limit), path=shown, line=lineno)
        article_id = record.get("id")
        article_id = f"{shown}#{lineno}" if article_id in (None, "") else str(article_id)
        story = record.get("story")
        yield Article(
            id=article_id,
            path=shown,
            source=_str(record, "source", Path(shown).stem),
            title=_str(record, "title", article_id),
            published=parse_published(record.get("published"), path=shown, line=lineno),
            url=_str(record, "url"),
            story=None if story in (None, "") else str(story),
            text=text,
            line=lineno,
            extra={k: v for k, v in record.items() if k not in _RECORD_FIELDS},
        )


def _shown(path: Path) -> str:
    """The id of a file article: relative (to the working folder) and POSIX."""
    if path.is_absolute():
        try:
            return path.relative_to(Path.cwd()).as_posix()
        except ValueError:
            return path.as_posix()
    return Path(os.path.normpath(path)).as_posix()


def read_file(path: Path, shown: str | None = None,
              limit: int = MAX_ARTICLE_CHARS) -> Iterator[Article]:
    shown = shown or _shown(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise FactcheckError(
            f"unsupported file type {suffix or '(none)'}; expected one of "
            + ", ".join(sorted(SUPPORTED)),
            path=shown,
        )
    if suffix in JSONL:
        yield from _from_jsonl(_jsonl_lines(path, shown, limit), shown, limit)
        return
    text = _decode(_read_bytes(path, shown, limit), shown)
    if len(text) > limit:
        raise FactcheckError(_too_long(limit), path=shown)
    if suffix in MARKDOWN:
        yield _from_markdown(text, shown, path.stem)
    elif suffix in HTML:
        yield _from_html(text, shown, path.stem)
    else:
        yield _from_text(text, shown, path.stem)


def _jsonl_lines(path: Path, shown: str, limit: int) -> Iterator[bytes]:
    """A JSON Lines file's lines as bytes, none longer than a record of an article
    of `limit` characters may be (JSON escapes take up to 6 bytes a character)."""
    longest = 6 * limit + 64 * 1024
    with _reading(shown), path.open("rb") as fh:
        first = True
        while line := fh.readline(longest + 1):
            if len(line) > longest:
                raise FactcheckError(_too_long(limit), path=shown)
            if first:
                line, first = line.removeprefix(b"\xef\xbb\xbf"), False
            yield line


def _is_article(p: Path) -> bool:
    """Whether a file found by a folder walk or a glob is read as an article: a
    regular file (not a FIFO that would block, not a link to a device)."""
    if (p.suffix.lower() not in SUPPORTED or p.name.startswith((".", "_"))
            or p.stem.lower() in _SKIPPED_STEMS):
        return False
    try:
        return stat.S_ISREG(p.stat().st_mode)
    except OSError:
        return True  # a dangling link or a loop: reading it says what is wrong


def _walk(folder: Path) -> list[Path]:
    found: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")))
        found.extend(p for p in (Path(root, name) for name in files) if _is_article(p))
    return sorted(found, key=lambda p: p.as_posix())


def expand(paths: Iterable[str]) -> list[Path | str]:
    """Arguments → the files to read, in a stable order ('-' stays as is)."""
    out: list[Path | str] = []
    for arg in paths:
        if arg == "-":
            out.append("-")
            continue
        p = Path(arg)
        if p.is_dir():
            files = _walk(p)
            if not files:
                raise FactcheckError(
                    "no articles here (looked for " + ", ".join(sorted(SUPPORTED)) + ")",
                    path=arg)
            out.extend(files)
        elif p.exists():
            out.append(p)
        elif glob.has_magic(arg):
            matches = sorted(Path(m) for m in glob.glob(arg, recursive=True))
            files = [m for m in matches if m.is_file() and _is_article(m)]
            if not files:
                raise FactcheckError("the pattern matches no articles", path=arg)
            out.extend(files)
        else:
            raise FactcheckError("no such file or folder", path=arg)
    return out


def iter_articles(paths: Iterable[str], stdin: IO[str] | None = None,
                  limit: int = MAX_ARTICLE_CHARS) -> Iterator[Article]:
    """Stream articles from paths, checking ids are unique across the batch."""
    seen: dict[str, str] = {}
    for item in expand(paths):
        if item == "-":
            # Bytes, decoded line by line: a feed not in UTF-8 is one line of error.
            stream = stdin if stdin is not None else sys.stdin.buffer
            articles: Iterable[Article] = _from_jsonl(stream, "<stdin>", limit)
        else:
            assert isinstance(item, Path)
            articles = read_file(item, limit=limit)
        for article in articles:
            where = article.path
            if article.line is not None:
                where = f"{article.path}:{article.line}"
            if article.id in seen:
                raise FactcheckError(
                    f"duplicate article id {article.id!r} (first seen in {seen[article.id]})",
                    path=where)
            seen[article.id] = where
            yield article


def read_articles(paths: Iterable[str], stdin: IO[str] | None = None,
                  limit: int = MAX_ARTICLE_CHARS) -> list[Article]:
    return list(iter_articles(paths, stdin, limit))
