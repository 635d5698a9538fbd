"""Highlighted snippets, computed the same way for every database."""

import re

from django.utils.html import escape

from .base import fold

_WORD = re.compile(r"\w+", re.UNICODE)


def snippet(text: str, terms: list[str], length: int = 240) -> str:
    """Escaped HTML of about ``length`` characters around the first matched word, with <mark>s."""
    text = " ".join(text.split())
    if not text:
        return ""

    def matched(m) -> bool:
        return any(fold(m.group()).startswith(t) for t in terms)

    # Only the words up to the first match, and those shown, are compared (folding is the cost).
    first = next((m for m in _WORD.finditer(text) if matched(m)), None) if terms else None
    start = 0
    if first:
        start = max(0, first.start() - length // 4)
        if start:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < first.start() else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    parts, cursor = [], start
    for m in _WORD.finditer(text, start) if first else ():
        if m.end() > end:
            break
        if (m.start() == start and _WORD.match(text, start - 1 if start else 0, start)) or (
            not matched(m)
        ):
            continue  # a word cut by the start of the snippet, or one not asked for
        parts.append(escape(text[cursor : m.start()]))
        parts.append(f"<mark>{escape(m.group())}</mark>")
        cursor = m.end()
    parts.append(escape(text[cursor:end]))
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return prefix + "".join(parts) + suffix
