"""YAML as factcheck reads it (front matter, rule files): safe tags only, no
duplicate keys, and aliases that cannot blow up.

PyYAML's safe loader shares an aliased node rather than copying it, but
anything that walks the result (validation, ``str()``, hashing) walks every
expansion: nine levels of ten aliases is a billion nodes from 400 bytes
(measured: 39 s and 4 GB before it was capped). The composed node graph is
measured first, each node's expanded size counted once, and refused above
``MAX_NODES``. A key given twice in one mapping is refused too: YAML keeps
the last silently, which hides a mistake in a hand-edited file.
"""

from __future__ import annotations

from typing import Any

import yaml

# Nodes a document may expand to, aliases expanded: far above any rule file
# (the shipped rules/ are ~9,000 nodes in all) or front matter.
MAX_NODES = 200_000


class YamlProblem(Exception):
    """A problem with a line (1-based) where it is known."""

    def __init__(self, problem: str, line: int | None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.line = line


def _expanded_size(root: yaml.Node) -> int:
    """Nodes of `root` with every alias expanded, without expanding anything."""
    sizes: dict[int, int] = {}
    # Iterative post-order walk: deep nesting must not hit Python's recursion limit.
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if id(node) in sizes:
            continue
        kids = _children(node)
        if children_done:
            total = 1
            for kid in kids:
                total += sizes.get(id(kid), 0)
                if total > MAX_NODES:
                    return total
            sizes[id(node)] = total
            continue
        stack.append((node, True))
        stack.extend((kid, False) for kid in kids if id(kid) not in sizes)
    return sizes[id(root)]


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def _check_duplicates(root: yaml.Node, shift: int) -> None:
    seen_nodes: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen_nodes:
            continue
        seen_nodes.add(id(node))
        if isinstance(node, yaml.MappingNode):
            first: dict[str, int] = {}
            for key, _ in node.value:
                if isinstance(key, yaml.ScalarNode) and key.tag != "tag:yaml.org,2002:merge":
                    line = key.start_mark.line + 1 + shift
                    if key.value in first:
                        raise YamlProblem(f"duplicate key {key.value!r} (first on line "
                                          f"{first[key.value]})", line)
                    first[key.value] = line
        stack.extend(_children(node))


def compose(text: str, shift: int = 0) -> tuple[Any, yaml.Node | None]:
    """(data, node) of one YAML document, checked as the module doc says.

    Raises YamlProblem with the line of the problem where YAML gives one;
    `shift`: lines before `text` in its file (front matter starts on line 2).
    """
    loader = yaml.SafeLoader(text)
    try:
        try:
            node = loader.get_single_node()
            if node is None:
                return None, None
            if _expanded_size(node) > MAX_NODES:
                raise YamlProblem(f"expands to more than {MAX_NODES:,} values through "
                                  "aliases (&/*); write the values out", None)
            _check_duplicates(node, shift)
            return loader.construct_document(node), node
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            raise YamlProblem(str(exc.problem or exc.context),
                              mark.line + 1 + shift if mark else None) from None
        except yaml.YAMLError as exc:
            raise YamlProblem(str(exc).splitlines()[0], None) from None
        except RecursionError:
            raise YamlProblem("nested too deeply", None) from None
    finally:
        loader.dispose()
