"""The text spaCy reads: an article's body with its soft line breaks read as spaces.

Written copy is often wrapped by hand at 72-100 characters. A line break inside
a sentence is then a token of its own to spaCy, and a phrase broken across it
is not found: "in critical\\ncondition", "Defence\\nSecretary", "10:20\\np.m.",
"34 league\\ngames" (measured on hand-wrapped Markdown: two planted disagreements
of nine lost, both found once the same articles were unwrapped). Markdown says a
single line break inside a paragraph is a space, so it is read as one; in plain
text only a break inside a sentence (the line ends without a stop and the next
begins in lower case or with a digit) is, as a title or a list line there ends
without a stop too. JSON Lines and HTML bodies are left as they are: their line
breaks separate paragraphs, captions and datelines.

Each break becomes a space of the same length, so every offset into the
article, and every line and column a report cites, is unchanged.
"""

from __future__ import annotations

import re

from ..model import Article

# A line that starts a block of its own in Markdown: a list item, a heading, a
# quotation, a table row, a fence, a thematic break or a heading's underline.
_BLOCK = re.compile(r"\s{0,3}(?:[-*+]\s|\d{1,9}[.)]\s|#{1,6}(?:\s|$)|>|\||```|~~~|"
                    r"(?:[-=*_]\s*){3,}$)")
_STOPS = frozenset('.!?:;"”’\'')
_MARKDOWN = (".md", ".markdown")


def parse_body(article: Article) -> str:
    """`article.body` as spaCy should read it (same length)."""
    body = article.body
    path = article.path.casefold()
    if "\n" not in body:
        return body
    if path.endswith(_MARKDOWN):
        return unwrap(body, markdown=True)
    if path.endswith(".txt"):
        return unwrap(body, markdown=False)
    return body


def unwrap(text: str, *, markdown: bool) -> str:
    """`text` with each soft line break (and a carriage return before it) as a
    space; see the module's docstring for which breaks are soft."""
    lines = text.split("\n")
    out = []
    for line, nxt in zip(lines, lines[1:], strict=False):
        out.append(line)
        out.append(" " if _soft(line.rstrip("\r"), nxt, markdown) else "\n")
    out.append(lines[-1])
    joined = "".join(out)
    # A "\r" before a soft break is the break's too.
    return re.sub(r"\r(?= )", " ", joined) if "\r" in joined else joined


def _soft(line: str, nxt: str, markdown: bool) -> bool:
    if not line.strip() or not nxt.strip() or _BLOCK.match(line) or _BLOCK.match(nxt):
        return False
    if markdown:
        # Two spaces or a backslash at the end make a hard break.
        return not (line.endswith("  ") or line.endswith("\\"))
    first = nxt.lstrip()[:1]
    return line.rstrip()[-1:] not in _STOPS and (first.islower() or first.isdigit())
