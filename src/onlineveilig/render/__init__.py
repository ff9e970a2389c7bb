"""Making untrusted text safe to show: one home for every renderer (report and sheet, HTML and
Markdown). Text from notes, checklists, search results and the organisation's rules file is never
trusted.

The rules, each the stricter of what the report and the sheet used to do on their own:

- `plain()`: every text is first made one inert line: ANSI escapes go, control, direction and
  line/paragraph separator characters become U+FFFD, newlines and tabs become spaces, and the
  ends are stripped (leading spaces could make a Markdown code block).
- `safe_url()`: an address is only ever a clickable link when it is a full **https** address (no
  http, no javascript: or data:), with a host and no user name before it (`https://bank@evil`),
  without spaces and without anything `plain()` would change. The link then points at the
  address with every character that could end an attribute, an autolink or a Markdown link
  (quotes, `<`, `>`, backslash, backtick, brackets) percent-encoded. Anything else is shown as
  text only.
- Markdown (`render.markdown`): `md()` backslash-escapes every character either renderer
  protected (``\\ ` * _ [ ] < > | ! ~ &``) and a line start that would make a list, a heading, a
  quote or a setext underline (``1.``, ``1)``, ``-``, ``+``, ``#``, ``>``, ``=``); `code()` shows an
  address as a code span (never a link); `autolink()` makes a link only of a `safe_url()`.
  Found addresses (search results) are code spans in Markdown, never links; the organisation's
  own portal address on the sheet is a link when it is safe.
- HTML (`render.html`): one Jinja environment with autoescape on for every template (not chosen by
  file name), undefined names an error, `plain` as a filter and `safe_url` as a global. Nothing is
  marked safe; a link gets `rel="noopener noreferrer"`.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from onlineveilig.text import clean

# Scheme, then a host (no user name: no "@" before the path; a backslash counts as a slash in a
# browser), then an optional path, query or fragment, and no space anywhere.
_LINK = re.compile(r"^https://[^\s/?#@\\]+(?:[/?#]\S*)?$", re.IGNORECASE)
# Kept as they are in a link: what an address needs; everything else is percent-encoded.
_KEEP = ":/?#@!$&*+,;=%-._~"


def plain(value: str) -> str:
    """One line of text with nothing in it that acts: no control, escape or bidi characters."""
    return clean(value).strip()


def safe_url(url: str | None) -> str | None:
    """The address to link to when it may be a link (see the rules above), otherwise None."""
    if not url or clean(url) != url or not _LINK.match(url):
        return None
    return quote(url, safe=_KEEP)
