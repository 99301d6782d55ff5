"""Where extraction runs: this machine (one process, or a pool of forked ones)
or a partition of articles handed to a worker of some distributed engine
(Dask, Spark).

Both paths turn each Doc into plain rows at once (``doc_rows``) and drop it, so
memory depends on the batch size, not on the number of articles. The per-batch
steps that need the whole table (canonical entity names) run after gathering,
in ``pipeline.extract_articles``.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import polars as pl
from polars.datatypes import DataTypeClass

from .. import extract
from ..extract.component import add_extractor, extracting, rows_of
from ..extract.doc_text import made_from
from ..facts import FACTS_SCHEMA, empty, fact_id, facts_frame
from ..ingest.articles import LineIndex, parse_published
from ..ingest.soft_wraps import parse_body
from ..model import Article, Options, Progress

# Through the modules, so a test that stands in for the parser or the
# extractor sees every call.
from ..nlp import load as nlp_load
from ..storage.cache import ExtractionCache
from . import memory

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..rules.load import Rules

# Rows are turned into a Polars frame every this many facts: a dict costs
# ~0.4 kB a row, several times its share of a frame.
CHUNK_ROWS = 5_000

# A forked spaCy worker costs ~0.3-1 s to start and feed; below this many words
# of work each (~5 s of parsing) an extra process costs more than it gives
# (measured on 2 cores, see docs/scale.md).
WORDS_PER_PROCESS = 20_000

ORDER = "__order"

# Longest article handed to spaCy whole. spaCy refuses texts over its
# max_length (1,000,000), and its temporary memory grows with the characters of
# a whole batch (~3 MB per 1,000 measured with en_core_web_sm), so a longer
# article (a transcript) is parsed in pieces cut at a paragraph, line or
# sentence end, with offsets into the whole article: one fact table, as if it
# were read whole. News articles are far shorter and are parsed whole.
PIECE_CHARS = 100_000


def piece_size(batch_size: int) -> int:
    """How long each piece of a long article is: a batch of them holds no more
    characters than one article of PIECE_CHARS, so a 2,000,000-character text
    needs no more memory than a 100,000-character one (pieces of 100,000 in
    batches of 16 took 5 GB)."""
    return max(1_000, PIECE_CHARS // max(1, batch_size))


def all_cores() -> int:
    """Cores this process may use (respects CPU affinity, e.g. in containers)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def processes_for(jobs: int, words: int) -> int:
    """How many spaCy processes a batch of `words` deserves, at most `jobs`."""
    return max(1, min(jobs, words // WORDS_PER_PROCESS))


def word_count(text: str) -> int:
    return len(text.split())


def doc_rows(doc: Doc, article: Article, rules: Rules, piece: int = 0) -> list[dict[str, Any]]:
    """The extraction rows of one Doc (offsets into the article), before article fields;
    `piece`: where the Doc's text starts in the article's body. Rows the pipeline's
    extraction component left on the Doc (made in a worker process) are taken as
    they are; otherwise the Doc is extracted here."""
    done = rows_of(doc)
    if done is not None:
        return done
    made_from(doc, parse_body(article), piece)
    return extract.extract_doc(doc, article, rules, article.body_start + piece)


def pieces(text: str, size: int = PIECE_CHARS) -> list[tuple[int, str]]:
    """`text` as (offset, piece) parts of at most `size` characters, each cut after
    the last paragraph break, else line break, else sentence end, else space in
    its second half (a hard cut only in a text without any)."""
    out: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > size:
        end = start + size
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            at = text.rfind(sep, start + size // 2, end - len(sep) + 1)
            if at >= 0:
                cut = at + len(sep)
                break
        cut = end if cut < 0 else cut
        out.append((start, text[start:cut]))
        start = cut
    out.append((start, text[start:]))
    return out


def _piece_items(bodies: Iterable[tuple[str, int]], longest: int, size: int
                 ) -> Iterator[tuple[str, tuple[int, int, bool]]]:
    """(text, (context, offset, last piece?)) for nlp.pipe: a body over `longest`
    characters in pieces of `size`."""
    for body, context in bodies:
        parts = pieces(body, size) if len(body) > longest else [(0, body)]
        for n, (offset, part) in enumerate(parts):
            yield part, (context, offset, n == len(parts) - 1)


def pipe_articles(nlp: Any, articles: Sequence[Article], rules: Rules, *, batch_size: int,
                  n_process: int = 1, model: str | None = None
                  ) -> Iterator[tuple[int, list[dict[str, Any]]]]:
    """(index, rows) of each article in order, long ones parsed in pieces; with
    `n_process` > 1, in a pool of that many processes (forked where the system
    can fork; else spawned, each loading `model` itself)."""
    if n_process > 1:
        yield from _pool_articles(nlp, articles, rules, batch_size, n_process, model)
        return
    longest = min(PIECE_CHARS, nlp.max_length)
    items = _piece_items(((parse_body(a), i) for i, a in enumerate(articles)), longest,
                         min(longest, piece_size(batch_size)))
    rows: list[dict[str, Any]] = []
    # Extraction runs as the pipeline's last component (extract/component.py).
    add_extractor(nlp)
    with extracting(articles, rules):
        docs = nlp_load.pipe(nlp, items, batch_size=batch_size)
        for doc, (i, offset, last) in docs:
            rows.extend(doc_rows(doc, articles[i], rules, offset))
            if last:
                yield i, rows
                rows = []


# What the workers of _pool_articles read: (nlp, articles, rules, batch size).
# A forked worker inherits it, set in the parent just before the fork, so only
# article indices go to it; a spawned one has it set by _pool_start and gets the
# articles of each run with the run. Only rows come back.
_POOL_WORK: list[tuple[Any, Sequence[Article] | None, Rules, int]] = []


def start_method() -> str:
    """How the pool starts its workers: "fork" where the system can (the workers
    inherit the model), else "spawn"."""
    return "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"


def _pool_articles(nlp: Any, articles: Sequence[Article], rules: Rules, batch_size: int,
                   n_process: int, model: str | None = None
                   ) -> Iterator[tuple[int, list[dict[str, Any]]]]:
    """pipe_articles over runs of `batch_size` articles, each run parsed and
    extracted whole in one of `n_process` worker processes, in input order.

    Not spaCy's own ``nlp.pipe(n_process=N)``: given (text, context) tuples it
    tokenizes every text in this process and sends Docs both ways as bytes
    (their tensors too): 1.7 s of this process's CPU for 100,000 words, 0.5 s
    here (docs/scale.md). Forked workers inherit the model, the articles, the
    rules and the extraction patterns, built here once before the fork
    (``extract.prepare``) rather than once in every worker; spawned ones (no
    fork on the system) load `model` once each and are sent each run's
    articles."""
    runs = [list(range(i, min(i + batch_size, len(articles))))
            for i in range(0, len(articles), batch_size)]
    method = start_method()
    context = multiprocessing.get_context(method)
    if method == "fork":
        extract.prepare(rules, nlp.vocab)
        _POOL_WORK.append((nlp, articles, rules, batch_size))
        pool = context.Pool(n_process)
        tasks: list[tuple[list[int], list[Article] | None]] = [(run, None) for run in runs]
    else:
        pool = context.Pool(n_process, initializer=_pool_start,
                            initargs=(model, rules, batch_size))
        tasks = [(run, [articles[i] for i in run]) for run in runs]
    try:
        with pool:
            for done in pool.imap(_pool_run, tasks):
                yield from done
    finally:
        if method == "fork":
            _POOL_WORK.pop()


def _pool_start(model: str | None, rules: Rules, batch_size: int) -> None:
    """In a spawned worker, once: the model and what the runs share."""
    _POOL_WORK.append((nlp_load.load_model(model), None, rules, batch_size))


def _pool_run(task: tuple[list[int], list[Article] | None]
              ) -> list[tuple[int, list[dict[str, Any]]]]:
    """In a worker: the rows of the articles at `run`, by their index in the call
    (`sent`: those articles, where the worker did not inherit them)."""
    run, sent = task
    nlp, articles, rules, batch_size = _POOL_WORK[-1]
    todo = sent if sent is not None else [articles[i] for i in run]  # type: ignore[index]
    done = [(run[k], rows) for k, rows in pipe_articles(nlp, todo, rules, batch_size=batch_size)]
    memory.trim()  # the worker lives on for the next run: give the parse buffers back
    return done


def article_rows(doc_rows: Iterable[dict[str, Any]], article: Article) -> list[dict[str, Any]]:
    """Add what every fact of `article` shares: ids, source, time, text, line/col."""
    index = LineIndex(article.text)
    out = []
    for row in doc_rows:
        start, end = row["start"], row["end"]
        line, column = index.line_col(start)
        row.update(
            fact_id=fact_id(article.id, start, end, row["kind"], row.get("attribute")),
            article=article.id,
            text=article.text[start:end],
            line=line,
            column=column,
            source=article.source,
            published=article.published,
            story=article.story,
        )
        out.append(row)
    out.sort(key=lambda r: (r["start"], r["end"], r["kind"], r.get("attribute") or ""))
    return out


class _Gatherer:
    """Rows of many articles → one facts table, in article order, built in chunks."""

    def __init__(self) -> None:
        self.frames: list[pl.DataFrame] = []
        self.rows: list[dict[str, Any]] = []
        self.order: list[int] = []

    def add(self, index: int, rows: list[dict[str, Any]], article: Article) -> None:
        # article_rows fills the dicts in place (the cache has already serialized them).
        done = article_rows(rows, article)
        self.rows.extend(done)
        self.order.extend([index] * len(done))
        if len(self.rows) >= CHUNK_ROWS:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            frame = facts_frame(self.rows).with_columns(pl.Series(ORDER, self.order, pl.Int64))
            self.frames.append(frame)
            self.rows, self.order = [], []

    def table(self) -> pl.DataFrame:
        self.flush()
        if not self.frames:
            return empty(FACTS_SCHEMA)
        # Stable sort: rows of one article keep article_rows' offset order.
        out = pl.concat(self.frames, rechunk=True).sort(ORDER, maintain_order=True)
        return out.drop(ORDER)


def extract_local(
    articles: Sequence[Article],
    rules: Rules,
    options: Options,
    progress: Progress | None = None,
) -> pl.DataFrame:
    """The facts of `articles` on this machine, reusing cached rows where possible."""
    cache = None
    if options.cache_dir is not None:
        # The model's id from its meta.json: a fully cached batch never loads spaCy.
        key = (nlp_load.installed_model_id(options.model)
               or nlp_load.model_id(nlp_load.load_model(options.model)))
        cache = ExtractionCache(options.cache_dir, model=key, rules_version=rules.version)
    gather = _Gatherer()
    total = len(articles)
    done = words = 0
    todo: list[int] = []
    for i, article in enumerate(articles):
        rows = cache.get(article) if cache is not None else None
        if rows is None:
            todo.append(i)
            continue
        gather.add(i, rows, article)
        done += 1
        words += word_count(article.body)
    if progress is not None:
        progress(done, total, words)  # starts the clock: model loaded, cache read

    if not todo:
        return gather.table()
    nlp = nlp_load.load_model(options.model)
    todo_words = [word_count(articles[i].body) for i in todo]
    n_process = processes_for(options.jobs, sum(todo_words))
    for k, rows in pipe_articles(nlp, [articles[i] for i in todo], rules,
                                 batch_size=options.batch_size, n_process=n_process,
                                 model=options.model):
        article = articles[todo[k]]
        if cache is not None:
            cache.put(article, rows)
        gather.add(todo[k], rows, article)
        done += 1
        words += todo_words[k]
        if progress is not None:
            progress(done, total, words)
        if done % memory.EVERY == 0:
            memory.trim()
    memory.trim()
    return gather.table()


def extract_partition(
    articles: Sequence[Article],
    rules: Rules,
    model: str | None = None,
    batch_size: int = 16,
) -> pl.DataFrame:
    """The facts of one partition, in one process: the unit of work of a cluster.

    The model is loaded once per process (``load_model`` is cached) and never
    pickled; only articles, rules and the resulting table cross process bounds.
    """

    nlp = nlp_load.load_model(model)
    gather = _Gatherer()
    for i, rows in pipe_articles(nlp, articles, rules, batch_size=batch_size):
        gather.add(i, rows, articles[i])
    memory.trim()  # a cluster worker lives for many partitions: give the parse buffers back
    return gather.table()


def partitions(articles: Sequence[Article], words_each: int) -> list[list[Article]]:
    """Consecutive runs of articles of about `words_each` words (input order kept)."""
    parts: list[list[Article]] = []
    current: list[Article] = []
    size = 0
    for article in articles:
        current.append(article)
        size += word_count(article.body)
        if size >= words_each:
            parts.append(current)
            current, size = [], 0
    if current:
        parts.append(current)
    return parts


# --- Spark and other DataFrame engines -------------------------------------------

ARTICLE_COLUMNS = ("id", "path", "source", "title", "published", "url", "story", "text",
                   "body_start")


def article_from_record(record: dict[str, Any]) -> Article:
    """An Article from a plain record (a row of a Spark or pandas DataFrame)."""

    return Article(
        id=str(record["id"]),
        path=str(record.get("path") or record["id"]),
        source=str(record.get("source") or ""),
        title=str(record.get("title") or ""),
        published=parse_published(record.get("published"), path=str(record["id"])),
        url=str(record.get("url") or ""),
        story=record.get("story") or None,
        text=str(record["text"]),
        body_start=int(record.get("body_start") or 0),
    )


def pandas_extractor(
    rules: Rules, model: str | None = None
) -> Callable[[Iterable[Any]], Iterator[Any]]:
    """A function for Spark's ``mapInPandas``: pandas article frames → pandas fact frames.

    Spark ships the function (with the rules, plain data) to each executor; the
    model is loaded there on first use. Columns in: ``ARTICLE_COLUMNS`` (``text``
    and ``id`` required); columns out: the facts schema (``facts_ddl()``).
    """

    def extract(frames: Iterable[Any]) -> Iterator[Any]:
        for frame in frames:
            articles = [article_from_record(r) for r in frame.to_dict("records")]
            yield extract_partition(articles, rules, model).to_pandas()

    return extract


_DDL: dict[Any, str] = {pl.String: "string", pl.Int64: "bigint", pl.Int32: "int",
                        pl.Float64: "double", pl.Datetime: "timestamp"}


def facts_ddl() -> str:
    """The facts schema as a Spark DDL string, the schema argument of ``mapInPandas``."""
    def ddl(dtype: pl.DataType | DataTypeClass) -> str:
        if isinstance(dtype, pl.List):
            return f"array<{ddl(dtype.inner)}>"
        return _DDL[dtype.base_type()]

    return ", ".join(f"`{name}` {ddl(t)}" for name, t in FACTS_SCHEMA.items())
