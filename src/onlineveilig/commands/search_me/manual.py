"""The manual mode: the search pages to open in the user's own browser. No request is sent."""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import quote_plus

from rich.console import Console
from rich.text import Text

from onlineveilig.i18n import _
from onlineveilig.search.model import Query
from onlineveilig.ui.safe import text

# {q} is the query, URL-encoded. Country and language follow the user's choice (be/nl).
ENGINES: tuple[tuple[str, str], ...] = (
    ("Google", "https://www.google.com/search?q={q}&hl=nl&gl={country}"),
    ("Bing", "https://www.bing.com/search?q={q}&cc={COUNTRY}"),
    ("DuckDuckGo", "https://duckduckgo.com/?q={q}&kl={country}-nl"),
)
IMAGES = ("Google", "https://www.google.com/search?q={q}&udm=2&hl=nl&gl={country}")
# People search inside the platforms (you need to be signed in for most of them).
PLATFORM_SEARCH: dict[str, tuple[str, str]] = {
    "facebook": ("Facebook", "https://www.facebook.com/search/people/?q={q}"),
    "linkedin": ("LinkedIn", "https://www.linkedin.com/search/results/people/?keywords={q}"),
    "tiktok": ("TikTok", "https://www.tiktok.com/search/user?q={q}"),
    "x": ("X", "https://x.com/search?q={q}&f=user"),
    "instagram": ("Instagram", "https://www.instagram.com/explore/search/keyword/?q={q}"),
    "google": ("YouTube", "https://www.youtube.com/results?search_query={q}"),
}
# Platforms without a search page on the web: what to do instead.
PLATFORM_APP_ONLY = {
    "snapchat": "Snapchat",
}


def pages(
    queries: Sequence[Query], name: str, platforms: set[str] | None, country: str
) -> list[tuple[str, str]]:
    """(where, address) for every page worth opening, engines first."""
    out = []
    for engine, template in ENGINES:
        for query in queries:
            address = template.format(
                q=quote_plus(query.text), country=country, COUNTRY=country.upper()
            )
            out.append((engine, address))
    out.append(
        (
            _("%(engine)s images") % {"engine": IMAGES[0]},
            IMAGES[1].format(q=quote_plus(f'"{name}"'), country=country),
        )
    )
    wanted = platforms if platforms is not None else set(PLATFORM_SEARCH)
    for platform_id, (label, template) in PLATFORM_SEARCH.items():
        if platform_id in wanted:
            out.append((label, template.format(q=quote_plus(name))))
    return out


def show(
    out: Console, queries: Sequence[Query], name: str, platforms: set[str] | None, country: str
) -> list[str]:
    found = pages(queries, name, platforms, country)
    out.print(
        Text(
            _(
                "Manual mode: onlineveilig sends nothing. Open these pages in your own browser "
                "(a private window shows what a stranger sees):"
            ),
            style="bold",
        )
    )
    # One line each, not a table: an address stays whole, to click or copy.
    for n, (where, address) in enumerate(found, 1):
        line = Text(f"{n:>3}. {where}: ", style="bold")
        line.append_text(text(address, "blue"))
        out.print(line, soft_wrap=True)
    app_only = [
        label for pid, label in PLATFORM_APP_ONLY.items() if platforms is None or pid in platforms
    ]
    if app_only:
        out.print(
            Text(
                _(
                    "%(platforms)s: search for your name in the app itself (the magnifying "
                    "glass); there is no search page on the web for that."
                )
                % {"platforms": ", ".join(app_only)},
                style="dim",
            )
        )
    return [address for _where, address in found]


def open_all(addresses: Sequence[str]) -> bool:
    import webbrowser

    try:
        return all(webbrowser.open_new_tab(address) for address in addresses)
    except webbrowser.Error:
        return False
