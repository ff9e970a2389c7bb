"""Reading what the user types for an incident: moments, dates, web addresses, names. Pure."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from urllib.parse import urlsplit

TODAY = frozenset({"vandaag", "today"})
YESTERDAY = frozenset({"gisteren", "yesterday"})
BEFORE_YESTERDAY = frozenset({"eergisteren"})
NOT_YET = frozenset({"nee", "neen", "no", "nog niet", "not yet", "niet", "nog niet gemeld", "-"})

_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_TIME = re.compile(r"^(\d{1,2})(?:[:.hu](\d{2}))?(?:u|h)?$")


class BadMoment(ValueError):
    """Not a date we can read, or a moment still to come."""

    def __init__(self, text: str, future: bool = False, impossible: bool = False):
        super().__init__(text)
        self.future = future
        self.impossible = impossible  # written as a date, but no such day (31-02-2026)


def _day(text: str, today: date) -> date | None:
    word = text.lower()
    if word in TODAY:
        return today
    if word in YESTERDAY:
        return today - timedelta(days=1)
    if word in BEFORE_YESTERDAY:
        return today - timedelta(days=2)
    try:
        if m := _DMY.match(text):
            return date(int(m[3]), int(m[2]), int(m[1]))
        if m := _YMD.match(text):
            return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        raise BadMoment(text, impossible=True) from None
    return None


def parse_moment(text: str, today: date, now: datetime | None = None) -> str:
    """'vandaag', 'gisteren 23:10', '1-3-2026', '2026-03-01 8.15' -> ISO date or date-time text.

    Raises BadMoment when it cannot be read or lies after today.
    """
    words = re.sub(r"(\d)T(\d)", r"\1 \2", text.strip()).split()
    if words and words[-1].lower() in {"om", "at"}:
        words = words[:-1]
    words = [w for w in words if w.lower() not in {"om", "at"}]
    if not words or len(words) > 2:
        raise BadMoment(text)
    day = _day(words[0], today)
    if day is None:
        raise BadMoment(text)
    if day > today:
        raise BadMoment(text, future=True)
    if len(words) == 1:
        return day.isoformat()
    m = _TIME.match(words[1].lower())
    if m is None or int(m[1]) > 23 or int(m[2] or 0) > 59:
        raise BadMoment(text)
    hour, minute = int(m[1]), int(m[2] or 0)
    if now is not None and day == now.date() and (hour, minute) > (now.hour, now.minute):
        raise BadMoment(text, future=True)  # later today: still to come
    return f"{day.isoformat()}T{hour:02d}:{minute:02d}"


def moment_datetime(iso: str) -> datetime:
    """The moment parse_moment gave, as a local date-time (a date alone is that day's start)."""
    return datetime.fromisoformat(iso).astimezone()


def not_yet(text: str) -> bool:
    return text.strip().lower().rstrip(".!") in NOT_YET


def looks_like_url(text: str) -> bool:
    """An http(s) address with a host name; nothing is opened or fetched."""
    if not text or any(c.isspace() for c in text):
        return False
    try:
        parts = urlsplit(text)
    except ValueError:
        return False
    host = parts.hostname or ""
    return parts.scheme in {"http", "https"} and ("." in host or host == "localhost")


# Words that say someone's role rather than their name: "Moeder Van Cliënt A" is fine.
ROLE_WORDS = frozenset(
    """
    cliënt client cliente jongere jongeren kind ouder ouders moeder vader mama papa pleegouder
    pleegmoeder pleegvader broer zus oom tante opa oma partner vriend vriendin ex collega
    onbekend onbekende anoniem anonieme iemand familie familielid buurman buurvrouw leerling
    bewoner begeleider voogd stiefvader stiefmoeder account profiel
    young person child parent parents mother father mum mom dad foster brother sister uncle
    aunt grandfather grandmother friend colleague unknown anonymous someone family relative
    neighbour neighbor pupil resident guardian stepfather stepmother profile
    """.split()
)


# Everyday words that make a description, not a name ("een boze man", "the girl from school").
COMMON_WORDS = frozenset(
    """
    een de het die dat deze dit mijn zijn haar hun met uit van voor op via en of
    man vrouw jongen meisje boze oude jonge nieuwe school klas groep
    a an the my his her their with from of for on via and or
    man woman boy girl angry old young new school class group
    """.split()
)


def looks_like_full_name(text: str) -> bool:
    """Probably someone's real name: two or more capitalised words and no role word, or two to
    four plain lower-case words that are neither role words nor everyday words ("jan janssens")."""
    if any(ch.isdigit() for ch in text):
        return False
    words = re.findall(r"[^\W\d_][^\W\d_'’-]*", text)
    if any(word.lower() in ROLE_WORDS for word in words):
        return False
    capitalised = [w for w in words if len(w) > 1 and w[0].isupper() and not w.isupper()]
    if len(capitalised) >= 2:
        return True
    plain = [w for w in words if w.islower() and len(w) > 1]
    particles = {"van", "de", "der", "den", "ter", "ten", "te", "la", "le", "du", "di"}
    names = [w for w in plain if w not in particles]
    return (
        len(plain) == len(words)
        and 2 <= len(names) <= 4
        and not any(w in COMMON_WORDS for w in names)
    )


def moment_text(iso: str) -> str:
    """'2026-03-01T23:10' -> '1 maart 2026 23:10' (in the user's language); '' stays ''."""
    from onlineveilig.text import day

    if not iso:
        return ""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    shown = day(moment.date())
    return f"{shown} {moment:%H:%M}" if "T" in iso else shown


def size_text(size: int) -> str:
    """A file size for people: '512 bytes', '1.2 MB' (a decimal comma in Dutch)."""
    from onlineveilig.i18n import _, language, ngettext

    if size < 1000:
        return ngettext("%(n)d byte", "%(n)d bytes", size) % {"n": size}
    for unit, step in (("kB", 1e3), ("MB", 1e6), ("GB", 1e9)):
        if size < step * 1000 or unit == "GB":
            number = f"{size / step:.1f}"
            if language() == "nl":
                number = number.replace(".", ",")
            return _("%(number)s %(unit)s") % {"number": number, "unit": unit}
    return str(size)  # pragma: no cover


def date_order_problem(dates: Mapping[str, str]) -> str:
    """Which of an incident's dates ("started", "ended", "reported_at", "followed_up_at"; missing
    or "" means not given) lies before the one it must follow: "ended", "reported" or
    "followed-up"; "" when they are in order. One rule for `incident add` and `edit`."""
    day = {field: (dates.get(field) or "")[:10] for field in DATE_ORDER}
    if day["ended"] and day["started"] and day["ended"] < day["started"]:
        return "ended"
    if day["reported_at"] and day["started"] and day["reported_at"] < day["started"]:
        return "reported"
    earliest = day["reported_at"] or day["started"]
    if day["followed_up_at"] and earliest and day["followed_up_at"] < earliest:
        return "followed-up"
    return ""


DATE_ORDER = ("started", "ended", "reported_at", "followed_up_at")
