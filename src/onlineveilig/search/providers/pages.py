"""Reading result pages with beautifulsoup4: DuckDuckGo's HTML answer, and a results page the
user saved from their own browser (--from-file), from any search engine.

Only text and addresses are taken; nothing on the page is run or followed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from bs4 import BeautifulSoup, Comment, Tag

from onlineveilig.search import urls
from onlineveilig.search.model import Hit


@dataclass(frozen=True)
class DuckDuckGoPage:
    hits: list[Hit]
    no_results: bool
    challenge: bool


def _soup(body: bytes | str) -> BeautifulSoup:
    import warnings

    with warnings.catch_warnings():
        # bs4 warns (in English, on the screen) about bytes it cannot decode; they become U+FFFD.
        warnings.simplefilter("ignore")
        return BeautifulSoup(body, "html.parser")


def _text(node: Any) -> str:
    return " ".join(node.get_text(" ", strip=True).split()) if node is not None else ""


def _classes(node: Tag) -> list[str]:
    value = node.get("class")
    return list(value) if isinstance(value, list) else str(value or "").split()


def read_duckduckgo(body: bytes | str) -> DuckDuckGoPage:
    soup = _soup(body)
    challenge = bool(
        soup.select_one("form#challenge-form, #challenge-form, .anomaly-modal__title")
        or soup.find("img", src=lambda s: bool(s) and "anomaly" in s)
    )
    hits = []
    for result in soup.select("div.result, div.web-result"):
        classes = _classes(result)
        if any(c in ("result--ad", "result--ad--small", "badge--ad") for c in classes):
            continue
        link = result.select_one("a.result__a")
        if link is None or not link.get("href"):
            continue
        href = str(link.get("href"))
        if "duckduckgo.com/y.js" in href or "ad_domain=" in href or "ad_provider=" in href:
            continue
        target = urls.unwrap(href)
        if _engine(urls.hostname(target if "//" in target else "https://" + target)):
            continue  # DuckDuckGo's own link (a wrapper without its target)
        snippet = result.select_one(".result__snippet")
        hits.append(Hit(target, _text(link), _text(snippet)))
    no_results = bool(soup.select_one("div.no-results, .no-results"))
    if not no_results and not hits and not challenge:
        # The plain "No results." row that DuckDuckGo shows in a result div without a link.
        no_results = any(
            "no results" in _text(r).lower() or "geen resultaten" in _text(r).lower()
            for r in soup.select("div.result, div.web-result")
        )
    return DuckDuckGoPage(hits, no_results, challenge)


# Search engines' own pages: a saved results page links to them everywhere (settings, images,
# next page, sign in), and they are never a result about the user.
ENGINE_HOSTS = (
    "google.",
    "gstatic.com",
    "googleusercontent.com",
    "googleadservices.com",
    "doubleclick.net",
    "bing.com",
    "microsoft.com",
    "msn.com",
    "duckduckgo.com",
    "search.brave.com",
    "brave.com",
    "ecosia.org",
    "startpage.com",
    "yahoo.com",
    "qwant.com",
    "yandex.",
)


def _engine(host: str) -> bool:
    host = host.lower()
    for marker in ENGINE_HOSTS:
        if marker.endswith("."):
            label = marker.rstrip(".")
            parts = host.split(".")
            if label in parts[:-1] and not host.startswith(("sites.google.", "docs.google.")):
                return True
        elif host == marker or host.endswith("." + marker):
            return True
    return False


def saved_from(soup: BeautifulSoup) -> str:
    """The address the page was saved from ('saved from url' comment or canonical link)."""
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        text = str(comment).strip()
        if text.startswith("saved from url="):
            return text.split(")", 1)[-1].strip()
    canonical = soup.find("link", rel="canonical")
    if isinstance(canonical, Tag) and canonical.get("href"):
        return str(canonical.get("href"))
    return ""


def _snippet(link: Tag, title: str) -> str:
    """The text around a result link: its nearest block that holds more than the title."""
    node: Any = link
    for _ in range(4):
        node = node.parent
        if node is None or node.name in ("body", "html"):
            break
        text = _text(node)
        if len(text) > len(title) + 20:
            text = text.replace(title, "", 1).strip(" ·-—|›")
            return text[:500]
    return ""


def read_saved_page(body: bytes | str) -> list[Hit]:
    """The outbound links of a results page saved from a browser, in page order."""
    soup = _soup(body)
    for junk in soup(["script", "style", "noscript", "template", "svg", "iframe"]):
        junk.decompose()
    source_host = urls.hostname(saved_from(soup))
    seen: set[str] = set()
    hits = []
    for link in soup.find_all("a", href=True):
        if not isinstance(link, Tag):
            continue
        address = urls.web_address(str(link.get("href")))
        if address is None:
            continue
        host = urls.hostname(address)
        if _engine(host) or (source_host and host == source_host):
            continue
        heading = link.find(["h3", "h2"])
        title = _text(heading) if heading is not None else _text(link)
        if not title:
            continue
        key = urls.key(address)
        if key in seen:
            continue
        seen.add(key)
        hits.append(Hit(address, title, _snippet(link, title)))
    return hits
