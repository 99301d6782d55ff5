"""Accuracy of numeric extraction on news prose and the peers' suites, against quantulum3.

    .venv/bin/python benchmarks/extraction_accuracy.py [--peers DIR] [--no-peers]
        [--suite news] [--details SUITE/CATEGORY]

Reads our own news-prose suite (benchmarks/data/news_quantities.yaml: sentences
written here in the style of wire and local news, its gold conventions in the
file's header) and the suites in ../shared/eval/peers (see their README: we
measure with them and copy none of their sentences), runs factcheck's extractor and, in
the same run, quantulum3 (in benchmarks/.venv-peers, created on first use, in
a subprocess: it is not a project dependency), and prints value P/R/F1 and
value+unit P/R/F1 per suite and category.

Scoring, per sentence: the gold items are (value, unit) pairs; a system's
predictions are its extracted figures (a range gives its two ends). A
prediction matches a gold item when the values are equal (relative 1e-6), or
equal after converting one unit into the other with pint (30 minutes and half
an hour); for value+unit the units must also have the same key. Units are
keyed as described in benchmarks/peer_units.yaml (peer names → ours, then
pint's canonical name). Matching is one-to-one; P = matched / predicted,
R = matched / gold. Suites of bare numbers (number-parser, numerizer,
Recognizers' number models) report value scores only.

Two suites hold words-to-digits cases (number-parser, numerizer): the gold
values are the numbers that appear in the expected string but not in the
input (what the tool had to read from words), and only predictions read from
words count.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PEERS_VENV = HERE / ".venv-peers"
DEFAULT_PEERS = ROOT.parent / "shared" / "eval" / "peers"
UNITS_FILE = HERE / "peer_units.yaml"
NEWS_FILE = HERE / "data" / "news_quantities.yaml"
VALUE_ONLY = {"number", "numeral", "words", "range", "percent-mode"}
# Recognizers-Text's typed suites annotate only their own type ("the currency
# model"), so both systems are scored there on predictions of that type only.
# CQE re-labelled its copies with every quantity: there all predictions count.
TYPED = {
    ("recognizers-text", "currency"): {"money", "rate"},
    ("recognizers-text", "dimension"): {"measure"},
    ("recognizers-text", "temperature"): {"temperature", "measure"},
    ("recognizers-text", "age"): {"age", "duration"},
    ("recognizers-text", "percent"): {"percent"},
    ("recognizers-text", "duration"): {"duration"},
}


@dataclass
class Case:
    suite: str
    category: str
    text: str
    gold: list[tuple[float, str | None]]
    words_only: bool = False


@dataclass
class Score:
    tp: int = 0
    pred: int = 0
    gold: int = 0
    tpu: int = 0
    predu: int = 0
    goldu: int = 0
    misses: list = field(default_factory=list)

    def add(self, other: Score) -> None:
        for k in ("tp", "pred", "gold", "tpu", "predu", "goldu"):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    @staticmethod
    def prf(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
        p = tp / pred if pred else 0.0
        r = tp / gold if gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return 100 * p, 100 * r, 100 * f


# --- reading the suites -----------------------------------------------------------------

def _num(text: str) -> float | None:
    try:
        return float(str(text).replace(",", ""))
    except ValueError:
        return None


def _cqe(peers: Path) -> list[Case]:
    out = []
    for path in sorted((peers / "cqe").glob("*-model.json")):
        category = path.name.split("-")[0]
        for item in json.loads(path.read_text()):
            gold = [(v, q.get("normalized_unit")) for q in item["quantities"]
                    if (v := _num(q["value"])) is not None]
            out.append(Case("cqe", category, item["text"], gold))
    return out


_RT_FILES = {
    "NumberWithUnit__AgeModel.json": "age",
    "NumberWithUnit__CurrencyModel.json": "currency",
    "NumberWithUnit__DimensionModel.json": "dimension",
    "NumberWithUnit__TemperatureModel.json": "temperature",
    "Number__NumberModel.json": "number",
    "Number__PercentModel.json": "percent",
    "Number__NumberRangeModel.json": "range",
    "DateTime__DurationParser.json": "duration",
}


def _interval(value: str) -> list[float]:
    return [float(x) for x in re.findall(r"-?\d+(?:\.\d+)?", value)]


def _recognizers(peers: Path) -> list[Case]:
    out = []
    for name, category in _RT_FILES.items():
        for item in json.loads((peers / "recognizers-text" / name).read_text()):
            gold: list[tuple[float, str | None]] = []
            for r in item.get("Results") or []:
                res = r.get("Resolution") or r.get("Value") or {}
                if category == "range":
                    gold += [(v, None) for v in _interval(res.get("value", ""))]
                elif category == "duration":
                    secs = (res.get("PastResolution") or {}).get("duration")
                    if secs is not None and _num(secs) is not None:
                        gold.append((float(secs), "second"))
                elif category == "percent":
                    v = _num(str(res.get("value", "")).rstrip("%"))
                    if v is not None:
                        gold.append((v, "percent"))
                else:
                    v = _num(res.get("value", ""))
                    if v is not None:
                        gold.append((v, res.get("unit") if category != "number" else None))
            out.append(Case("recognizers-text", category, item["Input"], gold))
    return out


def _duckling(peers: Path) -> list[Case]:
    out = []
    for path in sorted((peers / "duckling").glob("*_EN.json")):
        data = json.loads(path.read_text())
        category = data["dimension"].lower().replace("amountofmoney", "money")
        if category == "ordinal":
            continue  # ordinals are not figures for factcheck (by design)
        for group in data["groups"]:
            if group.get("section") != "main":
                continue
            unit = group.get("unit")
            if group["kind"] == "interval":
                values = [v for v in (group.get("min"), group.get("max")) if v is not None]
            else:
                values = [group["value"]]
            for text in group["texts"]:
                out.append(Case("duckling", category, text, [(float(v), unit) for v in values]))
    return out


_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)\b")
_NUM_IN_TEXT = re.compile(r"-?\d+(?:\.\d+)?(?:/\d+)?")


def _numbers(text: str) -> list[float]:
    vals = []
    for tok in _NUM_IN_TEXT.findall(text):
        if "/" in tok:
            a, b = tok.split("/")
            vals.append(float(a) / float(b))
        else:
            vals.append(float(tok))
    return vals


def _words_suites(peers: Path) -> list[Case]:
    out = []
    for suite, path, key in (("number-parser", "number-parser/test_language_en_cases.json",
                              "expected"),
                             ("numerizer", "numerizer/numerize_cases.json", "expected")):
        for item in json.loads((peers / path).read_text()):
            expected = item[key]
            if not isinstance(expected, str):
                expected = str(expected)
            given = _numbers(item["input"])
            # Ordinals ("fourth" → "4th") are not figures for factcheck, by design: left out.
            cardinal = _ORDINAL.sub(" ", expected)
            gold = [v for v in _numbers(cardinal) if v not in given]
            out.append(Case(suite, "words", item["input"], [(v, None) for v in gold],
                            words_only=True))
    return out


def _news(path: Path = NEWS_FILE) -> list[Case]:
    """Our own news-prose suite: category → [sentence, [[value, unit], ...]]."""
    import yaml

    out = []
    for category, items in yaml.safe_load(path.read_text()).items():
        for text, gold in items:
            out.append(Case("news", category, text,
                            [(float(v), None if u is None else str(u)) for v, u in gold]))
    return out


def load_cases(peers: Path) -> list[Case]:
    return (_news() + _cqe(peers) + _recognizers(peers) + _duckling(peers)
            + _words_suites(peers))


# --- running the systems ----------------------------------------------------------------

def run_factcheck(cases: list[Case]) -> list[list[tuple[float, str | None, bool]]]:
    """Per case: (value, unit, read from words) of each figure factcheck extracts."""
    sys.path.insert(0, str(ROOT))
    from factcheck.extract.quantities import extract_quantities
    from factcheck.model import Article
    from factcheck.nlp.load import load_model
    from factcheck.rules.load import load_rules

    nlp = load_model()
    rules = load_rules()
    out = []
    texts = [c.text for c in cases]
    for case, doc in zip(cases, nlp.pipe(texts, batch_size=256), strict=True):
        article = Article(id="x", path="x", source="", title="", published=None, url="",
                          story=None, text=case.text)
        preds = []
        for row in extract_quantities(doc, article, rules, 0):
            if row["kind"] == "date":
                continue
            unit = row["unit"] if row["kind"] != "count" else (
                f"count:{row['unit']}" if row["unit"] else None)
            if row["kind"] == "rate" and row["per"]:  # "USD / oil_barrel", per oil_barrel
                unit = f"{unit.split(' / ')[0]} per {row['per']}"
            elif unit and row["per"] and row["kind"] in ("money", "percent", "count"):
                unit = f"{unit} per {row['per']}"
            words = not any(ch.isdigit() for ch in case.text[row["start"]:row["end"]])
            value = row["value"]
            if row["pattern"] == "percent:fraction":
                value = value / 100  # "three quarters of" is stored as 75 percent
                unit = None
            kind = row["kind"]
            if kind == "measure" and (row["unit"] or "").startswith("degree_"):
                kind = "temperature"
            if row["qualifier"] == "range":
                preds += [(row["low"], unit, words, kind), (row["high"], unit, words, kind)]
            elif value is not None:
                preds.append((value, unit, words, kind))
        out.append(preds)
    return out


_WORKER = r"""
import json, sys, warnings
warnings.filterwarnings("ignore")
from quantulum3 import parser
for line in sys.stdin:
    text = json.loads(line)
    try:
        qs = parser.parse(text)
    except Exception:
        qs = []
    out = []
    for q in qs:
        words = not any(ch.isdigit() for ch in q.surface)
        unit = q.unit.name
        if q.unit.entity.name == "currency" and getattr(q.unit, "currency_code", None):
            unit = q.unit.currency_code
        entity = q.unit.entity.name
        kind = {"currency": "money", "temperature": "temperature", "time": "duration",
                "dimensionless": "count"}.get(entity, "measure")
        if q.unit.name in ("percentage", "percent"):
            kind = "percent"
        out.append([q.value, unit, words, kind])
    print(json.dumps(out), flush=True)
"""


def run_quantulum(cases: list[Case]) -> list[list[tuple[float, str | None, bool]]] | None:
    python = PEERS_VENV / "bin" / "python"
    if not python.exists():
        print("creating benchmarks/.venv-peers with quantulum3 …", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(PEERS_VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "quantulum3"], check=True)
    stdin = "".join(json.dumps(c.text) + "\n" for c in cases)
    proc = subprocess.run([str(python), "-c", _WORKER], input=stdin, capture_output=True,
                          text=True, check=False)
    if proc.returncode != 0:
        print(f"quantulum3 failed: {proc.stderr.strip().splitlines()[-1:]}", file=sys.stderr)
        return None
    return [[tuple(p) for p in json.loads(line)] for line in proc.stdout.splitlines()]


# --- matching ---------------------------------------------------------------------------

class UnitKeys:
    def __init__(self, path: Path):
        import yaml

        from factcheck.extract.units import canonical

        data = yaml.safe_load(path.read_text())
        self.names = {str(k).lower(): v for k, v in data["names"].items()}
        self.unitless = {str(u).lower() for u in data["unitless"]}
        self.weight_pound = set(data["weight_pound_categories"])
        self.minor = {str(k).lower(): v for k, v in data["minor_units"].items()}
        self.canonical = canonical

    @staticmethod
    def registry():
        from factcheck.extract.units import registry

        return registry()

    @staticmethod
    def is_pint(name: str) -> bool:
        from factcheck.extract.units import registry

        try:
            registry().Unit(name)
            return True
        except Exception:
            return False

    def key(self, unit: str | None, category: str) -> str | None:
        """The comparison key of a unit (see peer_units.yaml); None for a bare number."""
        if unit is None:
            return None
        u = str(unit).strip()
        low = u.lower()
        if low.startswith("count:"):  # factcheck's counted nouns
            return "count:" + self.count_key(u[6:])
        if " per " in low:  # "dollar per share", "metric ton per year"
            first, second = u.split(" per ", 1)
            # What a price is per is a thing or a measure: "per pound" is weight.
            parts = [self.key(first, category) or first, self.key(second, "dimension") or second]
            parts = [p[6:] if p.startswith("count:") else p for p in parts]
            return self.canonical(" / ".join(parts))
        if low in self.unitless:
            return None
        if low == "pound" and category in self.weight_pound:
            return "pound"
        if low in self.names:
            return self.names[low]
        if u.isupper() and len(u) == 3 and not self.is_pint(u):
            return u  # an ISO 4217 code already
        if self.is_pint(u):  # a symbol as written: "MW", "GB", "T"
            return str(self.registry().Unit(u))
        for name in (u, low.replace(" ", "_")):
            canon = self.canonical(name)
            if canon != name or self.is_pint(name):
                return canon
        if " / " in u:
            return u  # a ratio pint does not know: "point / game"
        return "count:" + self.count_key(low)

    def major(self, item: tuple[float, str | None]) -> tuple[float, str | None]:
        """Gold in cents or pence → the currency itself (factcheck stores 50p as GBP 0.5)."""
        value, unit = item
        if not unit:
            return item
        first, sep, rest = str(unit).lower().partition(" per ")
        if first in self.minor:
            return value * 0.01, self.minor[first] + (sep + rest if sep else "")
        return item

    def count_key(self, unit: str) -> str:
        last = unit.lower().split()[-1] if unit.split() else unit.lower()
        return last[:-1] if last.endswith("s") and not last.endswith("ss") else last


def p_kind(preds: list, value: float) -> str:
    return next((p[3] for p in preds if p[0] == value), "")


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def score_case(case: Case, preds: list, keys: UnitKeys, with_units: bool) -> Score:
    from factcheck.extract.units import convert

    s = Score()
    preds = [p for p in preds if not case.words_only or p[2]]
    typed = TYPED.get((case.suite, case.category))
    if typed:
        preds = [p for p in preds if p[3] in typed]
    gold = [(v, keys.key(u, case.category)) for v, u in map(keys.major, case.gold)]
    pk = []
    for value, unit, *_ in preds:
        k = keys.key(unit, case.category) if unit else None
        # The unit without its period ("USD per share" → USD, "oil_barrel / day" →
        # oil_barrel): gold that leaves the period out still matches.
        bare = unit.split(" per ")[0] if unit else None
        if bare and " / " in bare and p_kind(preds, value) == "measure":
            bare = bare.split(" / ")[0]
        base = keys.key(bare, case.category) if bare else None
        pk.append((value, k, unit, base))
    s.pred, s.gold = len(pk), len(gold)

    def same_value(g, p) -> bool:
        if _close(g[0], p[0]):
            return True
        if g[1] and p[1]:
            # Calendars differ (a month is 30 days to Recognizers, 1/12 year to pint):
            # converted values agree within 2%.
            conv = convert(p[0], p[1], g[1])
            return conv is not None and abs(conv - g[0]) <= 0.02 * max(abs(g[0]), 1e-9)
        return False

    def same_unit(g, p) -> bool:
        if g[1] is None:
            return True
        if p[1] is None:
            return False
        if g[1] in (p[1], p[3]):
            return True  # gold that leaves out the period matches the bare unit
        if convert(1.0, p[1], g[1]) is not None:
            return True
        return False

    for want_unit in (False, True):
        free = list(range(len(pk)))
        tp = 0
        for g in gold:
            for j in free:
                if same_value(g, pk[j]) and (not want_unit or same_unit(g, pk[j])):
                    free.remove(j)
                    tp += 1
                    break
            else:
                if want_unit:
                    s.misses.append((case.text, g, pk))
        if want_unit:
            s.tpu, s.predu, s.goldu = tp, s.pred, s.gold
            s.misses += [(case.text, "extra", pk[j]) for j in free]
        else:
            s.tp = tp
    return s


# --- the report -------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--peers", type=Path, default=DEFAULT_PEERS)
    ap.add_argument("--no-peers", action="store_true", help="skip quantulum3")
    ap.add_argument("--details", metavar="SUITE/CATEGORY",
                    help="print factcheck's misses in one suite/category (or SUITE/ALL)")
    ap.add_argument("--suite", action="append", help="only these suites (repeatable)")
    args = ap.parse_args(argv)

    sys.path.insert(0, str(ROOT))
    cases = load_cases(args.peers)
    if args.suite:
        cases = [c for c in cases if c.suite in args.suite]
    keys = UnitKeys(UNITS_FILE)
    systems = {"factcheck": run_factcheck(cases)}
    if not args.no_peers:
        q = run_quantulum(cases)
        if q is not None:
            systems["quantulum3"] = q

    table: dict[tuple[str, str, str], Score] = defaultdict(Score)
    for name, preds in systems.items():
        for case, p in zip(cases, preds, strict=True):
            sc = score_case(case, p, keys, True)
            table[(case.suite, case.category, name)].add(sc)
            table[(case.suite, "ALL", name)].add(sc)
            if name == "factcheck" and args.details in (f"{case.suite}/{case.category}",
                                                        f"{case.suite}/ALL"):
                for text, g, pk in sc.misses:
                    if g == "extra":
                        print(f"EXTRA {pk[:2]} in {text!r}")
                    else:
                        print(f"MISS {g} in {text!r}: got {[(v, k) for v, k, *_ in pk]}")
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for case in cases:
        counts[(case.suite, case.category)] += 1
        counts[(case.suite, "ALL")] += 1

    head = (f"{'suite':<17}{'category':<13}{'n':>5}  {'system':<11}"
            f"{'value P':>8}{'R':>6}{'F1':>6}   {'value+unit P':>12}{'R':>6}{'F1':>6}")
    print(head)
    print("-" * len(head))
    for suite, category in sorted(counts, key=lambda k: (k[0], k[1] == "ALL", k[1])):
        for name in systems:
            sc = table[(suite, category, name)]
            p, r, f = Score.prf(sc.tp, sc.pred, sc.gold)
            line = (f"{suite:<17}{category:<13}{counts[(suite, category)]:>5}  {name:<11}"
                    f"{p:8.1f}{r:6.1f}{f:6.1f}")
            if category not in VALUE_ONLY and suite not in ("number-parser", "numerizer"):
                pu, ru, fu = Score.prf(sc.tpu, sc.predu, sc.goldu)
                line += f"   {pu:12.1f}{ru:6.1f}{fu:6.1f}"
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
