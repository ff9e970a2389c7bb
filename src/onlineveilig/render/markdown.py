"""Untrusted text as inert Markdown (the rules are in `onlineveilig.render`)."""

from __future__ import annotations

import re

from . import plain, safe_url

_SPECIAL = re.compile(r"([\\`*_\[\]<>|!~&])")
_LEADING = re.compile(r"^(\d+)([.)])|^([-+#>=])")


def md(value: str) -> str:
    """Text shown literally by any Markdown renderer: one line, no markup, no HTML, no links."""
    value = _SPECIAL.sub(r"\\\1", plain(value))
    # A line must not turn into a list, a heading or a quote.
    return _LEADING.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"\\{m[3]}", value)


def code(value: str) -> str:
    """Untrusted text as a code span (for addresses): shown as written, never a link."""
    shown = plain(value)
    longest = max((len(run) for run in re.findall(r"`+", shown)), default=0)
    fence = "`" * (longest + 1)
    return f"{fence} {shown} {fence}"


def autolink(url: str | None) -> str:
    """A clickable `<https://…>` for a safe address; nothing for any other."""
    safe = safe_url(url)
    return f"<{safe}>" if safe else ""
