"""From a username to the exact request a site is sent: checked first, then encoded.

A username is untrusted text (typed, or from the profile): it may not carry a path (`/`, `\\`,
`..`), a query or fragment (`?`, `#`), an escape (`%`), spaces or invisible characters. What is
left is percent-encoded into the path or query, so it can never become another address on the
same site. In a host name (https://{username}.example.org) only a plain name label is possible,
and in a POST body only letters, digits, dots, dashes and underscores.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import quote

from .model import PLACEHOLDER, Site

MAX_LENGTH = 100
FORBIDDEN = frozenset("/\\?#%")
_LABEL = re.compile(r"^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")
_PLAIN = re.compile(r"^[A-Za-z0-9._-]+$")
# Headers of a site entry that are never sent: who we are is ours to say (an honest User-Agent,
# not a browser disguise), and httpx sets the host and the length itself.
DROPPED_HEADERS = frozenset({"user-agent", "host", "content-length", "connection", "cookie"})


def problem(username: str) -> str | None:
    """Why this cannot be a username anywhere ("empty", "too-long", "characters"), or None."""
    if not username:
        return "empty"
    if len(username) > MAX_LENGTH:
        return "too-long"
    if any(ch in FORBIDDEN for ch in username) or ".." in username or username.startswith("."):
        return "characters"
    if any(unicodedata.category(ch)[0] in "CZ" for ch in username):
        return "characters"  # spaces, control characters, invisible and direction marks
    return None


@dataclass(frozen=True)
class Outgoing:
    method: str
    url: str
    host: str  # host[:port] the request goes to: one request at a time per host
    body: bytes | None
    headers: dict[str, str]


def on_site(site: Site, username: str) -> str | None:
    """The username as this site takes it (its strip characters removed), or None: not possible."""
    if problem(username) is not None:
        return None
    name = "".join(ch for ch in username if ch not in site.strip)
    if not name:
        return None
    if site.username is not None and not re.search(site.username, name):
        return None
    return name


def fill(template: str, name: str) -> str | None:
    """The address with the username in its place; None when it cannot go there."""
    scheme, sep, rest = template.partition("://")
    split = min((i for i in (rest.find("/"), rest.find("?"), rest.find("#")) if i >= 0), default=-1)
    host, tail = (rest, "") if split < 0 else (rest[:split], rest[split:])
    if PLACEHOLDER in host:
        if not _LABEL.match(name):
            return None
        host = host.replace(PLACEHOLDER, name.lower())
    return scheme + sep + host + tail.replace(PLACEHOLDER, quote(name, safe=""))


def host_of(url: str) -> str:
    rest = url.partition("://")[2]
    return re.split(r"[/?#]", rest, maxsplit=1)[0].lower()


def request(site: Site, username: str) -> Outgoing | None:
    """What is sent to ask `site` about `username`; None when the name is not possible there."""
    name = on_site(site, username)
    if name is None:
        return None
    url = fill(site.check, name)
    if url is None:
        return None
    body = None
    if site.body is not None:
        if PLACEHOLDER in site.body and not _PLAIN.match(name):
            return None
        body = site.body.replace(PLACEHOLDER, name).encode("utf-8")
    headers = {k: v for k, v in site.headers.items() if k.lower() not in DROPPED_HEADERS}
    return Outgoing(site.method, url, host_of(url), body, headers)


def profile(site: Site, username: str) -> str | None:
    """The profile's address to show (and to open in a browser)."""
    name = on_site(site, username)
    return None if name is None else fill(site.profile_address, name)
