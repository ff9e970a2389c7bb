"""Found, not found, or unknown (with its reason): what one answer of a site says. Pure.

An answer is found only when the site's hit rule holds, not found only when its miss rule
holds. Everything else is unknown and says why: a rate limit (429), a bot check or challenge
page, an answer that fits neither rule (a redirect the rule does not expect, a server error),
or a page too big to read to the end. An unknown is never counted as found or as not found.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from .model import Site


class State(StrEnum):
    FOUND = "found"
    NOT_FOUND = "not-found"
    UNKNOWN = "unknown"


class Reason(StrEnum):
    RATE_LIMITED = "rate-limited"
    BLOCKED = "blocked"  # a bot check, challenge or captcha page
    UNEXPECTED = "unexpected"  # an answer that fits neither rule
    AMBIGUOUS = "ambiguous"  # an answer that fits both rules equally well
    TOO_LARGE = "too-large"
    TIMEOUT = "timeout"
    REFUSED = "refused"
    DNS = "dns"
    TLS = "tls"
    BROKEN = "broken"  # the connection was cut off
    NO_NETWORK = "no-network"
    NOT_POSSIBLE = "not-possible"  # the username cannot exist on this site
    NOT_CHECKED = "not-checked"  # the run's time was up before this site's turn
    BAD_ADDRESS = "bad-address"  # the list's address (with this username) cannot be sent


# Reasons that are an answer in their own right: nothing to retry, nothing to open in a browser.
SETTLED = frozenset({Reason.NOT_POSSIBLE})


@dataclass(frozen=True)
class Outcome:
    state: State
    reason: Reason | None = None
    status: int | None = None  # the site's status code, when it answered

    @property
    def unchecked(self) -> bool:
        """Could not be checked (unknown for a reason other than 'not possible there')."""
        return self.state == State.UNKNOWN and self.reason not in SETTLED


def unknown(reason: Reason, status: int | None = None) -> Outcome:
    return Outcome(State.UNKNOWN, reason, status)


# Markers that only a challenge page has, whatever its status code.
_STRONG = (
    "<title>just a moment...</title>",
    "<title>just a moment…</title>",
    "cf-chl-",
    "_cf_chl_opt",
    "checking your browser before accessing",
)
# Markers a normal page may carry too (a script, a login form): a challenge only with a 403/503
# that fits neither rule's text.
_WEAK = (
    "just a moment",
    "challenge-platform",
    "captcha",
    "attention required",
    "access denied",
    "enable javascript and cookies",
    "ddos-guard",
)


def decode(body: bytes, headers: Mapping[str, str]) -> str:
    charset = re.search(r"charset=[\"']?([\w.:-]+)", _header(headers, "content-type"), re.I)
    name = "utf-8"
    if charset:
        try:
            name = codecs.lookup(charset.group(1)).name
        except LookupError:
            pass
    return body.decode(name, errors="replace")


def _header(headers: Mapping[str, str], name: str) -> str:
    for key, value in headers.items():
        if key.lower() == name:
            return value
    return ""


def challenged(status: int, headers: Mapping[str, str], text: str, *, specific: bool) -> bool:
    """Whether the answer is a bot check. `specific`: a rule with a text held (trust it more)."""
    if _header(headers, "cf-mitigated").strip().lower() == "challenge":
        return True
    lower = text.lower()
    if any(marker in lower for marker in _STRONG):
        return True
    return status in (403, 503) and not specific and any(m in lower for m in _WEAK)


def verdict(
    site: Site,
    status: int,
    headers: Mapping[str, str],
    body: bytes,
    *,
    truncated: bool = False,
) -> Outcome:
    """What the first answer (redirects are not followed) says about the account."""
    if status == 429:
        return unknown(Reason.RATE_LIMITED, status)
    text = decode(body, headers)
    hit = site.hit.holds(status, text)
    miss = site.miss.holds(status, text)
    specific = (hit and bool(site.hit.text)) or (miss and bool(site.miss.text))
    if challenged(status, headers, text, specific=specific):
        return unknown(Reason.BLOCKED, status)
    if hit and miss:
        # A rule with a text says more than one with a status code only.
        if bool(site.hit.text) == bool(site.miss.text):
            return unknown(Reason.AMBIGUOUS, status)
        hit, miss = bool(site.hit.text), bool(site.miss.text)
    if hit:
        return Outcome(State.FOUND, status=status)
    if miss:
        return Outcome(State.NOT_FOUND, status=status)
    if truncated:
        return unknown(Reason.TOO_LARGE, status)
    return unknown(Reason.UNEXPECTED, status)
