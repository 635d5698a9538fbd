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
    matches = [
        m
        for m in _WORD.finditer(text)
        if terms and any(fold(m.group()).startswith(t) for t in terms)
    ]
    start = 0
    if matches:
        start = max(0, matches[0].start() - length // 4)
        if start:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < matches[0].start() else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    parts, cursor = [], start
    for m in matches:
        if m.start() < start or m.end() > end:
            continue
        parts.append(escape(text[cursor : m.start()]))
        parts.append(f"<mark>{escape(m.group())}</mark>")
        cursor = m.end()
    parts.append(escape(text[cursor:end]))
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return prefix + "".join(parts) + suffix
