"""Messages for what goes wrong when searching: the provider, its key, its set-up, its limits."""

from __future__ import annotations

from onlineveilig.errors import (
    RateLimited,
    SearchError,
    SearchKind,
    SearchSetupError,
    SecretError,
    SetupKind,
)
from onlineveilig.i18n import _, ngettext


def wait_time(seconds: int) -> str:
    """'in 40 seconds', 'in 3 minutes', 'on 1 December 2026' — when a limit resets."""
    from datetime import timedelta

    from onlineveilig import clock
    from onlineveilig.text import day

    if seconds < 90:
        return ngettext("in %(n)d second", "in %(n)d seconds", seconds) % {"n": seconds}
    if seconds < 90 * 60:
        minutes = round(seconds / 60)
        return ngettext("in %(n)d minute", "in %(n)d minutes", minutes) % {"n": minutes}
    if seconds < 36 * 3600:
        hours = round(seconds / 3600)
        return ngettext("in %(n)d hour", "in %(n)d hours", hours) % {"n": hours}
    return _("on %(date)s") % {"date": day((clock.now() + timedelta(seconds=seconds)).date())}


def other_providers(current: str) -> str:
    """The hint to try elsewhere, naming only providers other than the one that failed."""
    others = [f"--provider {p}" for p in ("brave", "searxng", "duckduckgo") if p != current]
    return _(
        "You can use another provider (%(others)s), or the manual mode (--provider manual): it "
        "lists the search pages to open in your own browser."
    ) % {"others": (" " + _("or") + " ").join(others)}


def _explain_search(error: SearchError) -> tuple[str, str]:
    from onlineveilig.search.providers import LABELS

    v = {
        "host": error.host or error.provider,
        "provider": LABELS.get(error.provider, error.provider),
        "status": error.status or "",
        "detail": error.detail,
    }
    kind = error.kind
    if isinstance(error, RateLimited):
        message = _("%(provider)s says its limit is reached for now.") % v
        if error.reset is not None:
            message += " " + _("You can search again %(when)s.") % {"when": wait_time(error.reset)}
        if error.provider == "brave":
            hint = _(
                "A free plan allows about one search a second and a fixed number a month. "
                "Wait, or use another provider for now (--provider duckduckgo or --provider manual)."
            )
        else:
            hint = _("Wait a few minutes and try again.") + " " + other_providers(error.provider)
        return message, hint
    texts: dict[SearchKind, tuple[str, str]] = {
        SearchKind.RATE_LIMITED: (
            _("%(provider)s says its limit is reached for now."),
            _("Wait a few minutes and try again.") + " " + other_providers(error.provider),
        ),
        SearchKind.NO_NETWORK: (
            _("Could not reach %(host)s: is this computer connected to the internet?"),
            _("Check the connection (Wi-Fi, cable) and try again."),
        ),
        SearchKind.DNS: (
            _("The address %(host)s could not be found."),
            _(
                "Check that this computer is connected to the internet and that the address is "
                "right (--endpoint or onlineveilig config show)."
            ),
        ),
        SearchKind.REFUSED: (
            _("%(host)s did not accept the connection."),
            _("Is the address right, and is the service running? Try again later."),
        ),
        SearchKind.TIMEOUT: (
            _("%(host)s took too long to answer."),
            _("Try again later, or give it more time, for example with --timeout 30."),
        ),
        SearchKind.TLS: (
            _(
                "The secure connection with %(host)s could not be trusted: its certificate is "
                "not valid for this address."
            ),
            _(
                "Nothing was sent. Check the address. On a work or school network, ask IT "
                "whether something checks the traffic in between."
            ),
        ),
        SearchKind.BROKEN: (
            _("The connection with %(host)s broke off, also when tried again."),
            _("Try again later."),
        ),
        SearchKind.BLOCKED: (
            _(
                "%(provider)s blocked the search: it took onlineveilig for a robot (it answered "
                "with a check page instead of results)."
            ),
            _("This does not mean that nothing was found.") + " " + other_providers(error.provider),
        ),
        SearchKind.BAD_KEY: (
            _("%(provider)s did not accept your API key."),
            _(
                "Copy the key from your Brave Search API dashboard and save it again: "
                "onlineveilig key set brave"
            ),
        ),
        SearchKind.NO_KEY: (
            _("There is no API key for %(provider)s yet."),
            _(
                "Save your key with: onlineveilig key set brave (or put it in the environment "
                "variable ONLINEVEILIG_BRAVE_KEY). See all providers with: "
                "onlineveilig search-me --providers"
            ),
        ),
        SearchKind.JSON_DISABLED: (
            _(
                "The SearXNG instance %(host)s refuses the JSON answers onlineveilig needs "
                "(it answered 403)."
            ),
            _(
                "Its administrator can allow them by adding json to search: formats: in the "
                "instance's settings.yml. Or choose another instance: "
                "onlineveilig config set searxng-url ADDRESS"
            ),
        ),
        SearchKind.ENGINES_DOWN: (
            _(
                "The search engines behind %(host)s did not answer (blocked or too slow: "
                "%(detail)s), so there are no results to show."
            ),
            _("This does not mean that nothing was found.") + " " + other_providers(error.provider),
        ),
        SearchKind.SERVER: (
            _("%(host)s has a problem of its own (error %(status)s), also when tried again."),
            _("Try again later.") + " " + other_providers(error.provider),
        ),
        SearchKind.HTTP: (
            _("%(host)s answered with an unexpected code (%(status)s)."),
            _("Check the address (--endpoint or onlineveilig config show).")
            + " "
            + other_providers(error.provider),
        ),
        SearchKind.REDIRECT: (
            _("%(host)s sent onlineveilig to another address instead of answering."),
            _(
                "onlineveilig does not follow that on its own. Check the address (--endpoint or "
                "onlineveilig config show)."
            ),
        ),
        SearchKind.MALFORMED: (
            _(
                "The answer of %(host)s could not be read: it is not the page or data "
                "onlineveilig expects."
            ),
            _("The service may have changed.") + " " + other_providers(error.provider),
        ),
        SearchKind.TOO_LARGE: (
            _("The answer of %(host)s was far too big for a page of search results."),
            _("It was not read.") + " " + other_providers(error.provider),
        ),
        SearchKind.BAD_ENDPOINT: (
            _("The address %(host)s cannot be used."),
            _("It must be a full web address that starts with https:// (or http://)."),
        ),
        SearchKind.NO_ENDPOINT: (
            _("No SearXNG instance is set."),
            _("Set its address with: onlineveilig config set searxng-url https://..."),
        ),
    }
    message, hint = texts[kind]
    return message % v, hint % v if "%(" in hint else hint


def _explain_secret(error: SecretError) -> tuple[str, str]:
    hint = _(
        "Put the key in the environment variable ONLINEVEILIG_BRAVE_KEY instead (for example in "
        "your shell's startup file). onlineveilig never writes a key to a file itself."
    )
    if error.kind == "no-keyring":
        return (
            _(
                "This computer has no keyring that onlineveilig can use (the safe place where "
                "programs keep passwords)."
            ),
            hint,
        )
    return (
        _("The keyring could not be used: %(detail)s") % {"detail": error.detail},
        _("Is it locked? Unlock it and try again.") + " " + hint,
    )


def _explain_setup(error: SearchSetupError) -> tuple[str, str]:
    providers = _("See all providers with: onlineveilig search-me --providers")
    texts: dict[SetupKind, tuple[str, str]] = {
        SetupKind.UNKNOWN_PROVIDER: (
            _("Unknown provider: %(value)s (use brave, searxng, duckduckgo or manual)."),
            providers,
        ),
        SetupKind.UNKNOWN_COUNTRY: (_("Unknown country: %(value)s (use be or nl)."), ""),
        SetupKind.NO_PROVIDER: (
            _("search-me does not know yet where to search: no provider is set up."),
            providers,
        ),
        SetupKind.KEY_UNENCRYPTED: (
            _(
                "Your API key would travel unencrypted to %(address)s: onlineveilig does not "
                "send it there."
            ),
            _("Use an address that starts with https:// (http:// only works for this computer)."),
        ),
    }
    message, hint = texts[error.kind]
    return message % {"value": error.value, "address": error.value}, hint
