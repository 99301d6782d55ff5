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

from .arguments import build_parser
from .errors import ExitCode, FactcheckError
from .model import TriageState


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

