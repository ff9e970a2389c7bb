"""Addresses of search results: unwrapping redirect links, keeping only web addresses, and a
normalised form so the same page found twice counts once.
"""

from __future__ import annotations

from urllib.parse import SplitResult, parse_qsl, unquote, urlencode, urlsplit, urlunsplit

# Query parameters that only say where a click came from.
TRACKING = {
    "fbclid",
    "gclid",
    "dclid",
    "msclkid",
    "yclid",
    "igshid",
    "igsh",
    "mc_cid",
    "mc_eid",
    "srsltid",
    "ref_src",
    "trk",
    "trackingid",
    "lipi",
    "_ga",
    "si",
}
# Subdomains that show the same page as the bare domain.
SAME_PAGE_PREFIXES = ("www.", "m.", "mobile.", "touch.", "mbasic.")


def unwrap(href: str) -> str:
    """The target of a search engine's redirect link (DuckDuckGo, Google, Bing), else href."""
    href = href.strip()
    if href.startswith("//"):
        href = "https:" + href
    try:
        parts = urlsplit(href)
    except ValueError:  # e.g. an unclosed [ in the host
        return href
    host = (parts.hostname or "").lower()
    query = dict(parse_qsl(parts.query, keep_blank_values=True))
    if host.endswith("duckduckgo.com") and parts.path.startswith("/l/") and query.get("uddg"):
        return query["uddg"]
    if (host.startswith("www.google.") or host.startswith("google.") or not host) and (
        parts.path == "/url"
    ):
        target = query.get("q") or query.get("url") or ""
        if target.startswith(("http://", "https://")):
            return target
    return href


def web_address(href: str) -> str | None:
    """href as a web address we may show, or None (javascript:, data:, relative, broken)."""
    return checked(unwrap(href))


def checked(href: str) -> str | None:
    """href itself when it is a full http:// or https:// address with a host and a possible
    port, else None. Never raises: an unclosed [ or a port like :abc is simply not an address."""
    try:
        parts = urlsplit(href)
        port = parts.port
        parts.hostname  # noqa: B018 - raises on a broken host
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    if any(ch.isspace() or ord(ch) < 32 for ch in href):
        return None
    if port is not None and not 0 < port < 65536:
        return None
    return href


def _without_tracking(query: str) -> list[tuple[str, str]]:
    return [
        (k, v)
        for k, v in parse_qsl(query, keep_blank_values=True)
        if not k.lower().startswith("utm_") and k.lower() not in TRACKING
    ]


def _split(url: str) -> SplitResult | None:
    """The address's parts, or None when it cannot be read (an unclosed [, a port like :abc)."""
    try:
        parts = urlsplit(url)
        parts.hostname  # noqa: B018 - raises on a broken host
        parts.port  # noqa: B018 - raises on a broken port
    except ValueError:
        return None
    return parts


def key(url: str) -> str:
    """The normalised form: same page, same key (scheme, www., tracking, fragment, slash)."""
    parts = _split(url)
    if parts is None:
        return url.strip()  # not an address we can read: only the very same text is the same
    host = (parts.hostname or "").lower().rstrip(".")
    for prefix in SAME_PAGE_PREFIXES:
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix) :]
            break
    # be.linkedin.com/in/x and nl.linkedin.com/in/x are one profile.
    labels = host.split(".")
    if len(labels) == 3 and labels[1:] == ["linkedin", "com"] and len(labels[0]) == 2:
        host = "linkedin.com"
    port = parts.port
    if port and not (
        (parts.scheme == "http" and port == 80) or (parts.scheme == "https" and port == 443)
    ):
        host = f"{host}:{port}"
    path = unquote(parts.path) or "/"
    while "//" in path:
        path = path.replace("//", "/")
    if len(path) > 1:
        path = path.rstrip("/")
    kept = _without_tracking(parts.query)
    return urlunsplit(("", host, path, urlencode(sorted(kept)), "")).removeprefix("//")


def tidy(url: str) -> str:
    """The address as we show and store it: the tracking parameters and fragment taken off."""
    parts = _split(url)
    if parts is None:
        return url
    kept = _without_tracking(parts.query)
    query = urlencode(kept) if len(kept) != len(parse_qsl(parts.query, True)) else parts.query
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path, query, ""))


def hostname(url: str) -> str:
    """The host name in lower case, or "" (none, or an address that cannot be read)."""
    parts = _split(url)
    return (parts.hostname or "").lower() if parts is not None else ""


def host(url: str) -> str:
    return hostname(url).removeprefix("www.")
