"""JUnit XML, for CI systems that show test reports (GitLab, Jenkins, Azure).

One test suite a file (where findings are located), one failed test case a
discrepancy, named by its rule and subject; a discrepancy dismissed in triage
is a skipped case with the triage note. A batch with no discrepancy is one
passing case, so the report is never empty.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from ..model import TriageState
from .findings import (
    article_labels,
    articles_meta,
    cited,
    discrepancies,
    facts_by_id,
    short_where,
    triage_state,
)

if TYPE_CHECKING:
    from ..facts import Result


def render_junit(result: Result) -> str:
    facts = facts_by_id(result)
    meta = articles_meta(result)
    labels = article_labels(meta)
    suites: dict[str, list[tuple[dict, list[dict]]]] = {}
    for d in discrepancies(result, facts):
        ev = cited(d, facts)
        m = meta.get(ev[0]["article"]) if ev else None
        path = m.path if m else (ev[0]["article"] if ev else "-")
        suites.setdefault(path, []).append((d, ev))
    root = ET.Element("testsuites", name="factcheck")
    total = failed = skipped = 0
    for path, found in suites.items():
        suite = ET.SubElement(root, "testsuite", name=path)
        s_failed = s_skipped = 0
        for d, ev in found:
            case = ET.SubElement(suite, "testcase",
                                 name=f"{d['rule']} {d['name']}: {d['subject'] or d['kind']}",
                                 classname=path, file=path)
            if ev:
                m = meta.get(ev[0]["article"])
                line = ev[0]["line"] if m is None or m.file_positions else m.record_line
                if line is not None:
                    case.set("line", str(line))
            body = [f"{short_where(meta, f)}  {labels.get(f['article'], f['source'])}: "
                    f"{' '.join((f['sentence'] or f['text']).split())}" for f in ev]
            if triage_state(d) == TriageState.DISMISSED:
                note = d.get("triage_note") or "dismissed in factcheck triage"
                ET.SubElement(case, "skipped", message=note)
                s_skipped += 1
                continue
            failure = ET.SubElement(case, "failure", type=d["rule"] or "",
                                    message=f"{d['severity']}: {d['message'] or d['name']}")
            failure.text = "\n".join([d["message"] or "", *body, f"fingerprint {d['id']}"])
            s_failed += 1
        suite.set("tests", str(len(found)))
        suite.set("failures", str(s_failed))
        suite.set("skipped", str(s_skipped))
        suite.set("errors", "0")
        total += len(found)
        failed += s_failed
        skipped += s_skipped
    if not suites:
        suite = ET.SubElement(root, "testsuite", name="factcheck", tests="1", failures="0",
                              skipped="0", errors="0")
        ET.SubElement(suite, "testcase", name="no discrepancies", classname="factcheck")
        total = 1
    root.set("tests", str(total))
    root.set("failures", str(failed))
    root.set("skipped", str(skipped))
    root.set("errors", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"
