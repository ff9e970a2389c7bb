"""signalen: counts by type, channel and month, reported and followed up; nothing anyone typed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bs4 import BeautifulSoup

from onlineveilig.i18n import _
from onlineveilig.incidents import signals

from .incident_samples import PRIVATE, incident, private_incident

TYPES = {"threats": "Bedreiging", "insults": "Beledigingen", "other": "Iets anders"}
CHANNELS = {"whatsapp": "WhatsApp", "instagram": "Instagram"}


def summary(tmp_path: Path, since: date | None = None) -> signals.Signals:
    every = [
        private_incident(1, tmp_path),
        incident(2, started="2026-10-02", channel="whatsapp", types=("threats",)),
        incident(
            3,
            started="2026-11-20",
            channel="Instagram",
            types=("made-up",),
            reported_at="2026-11-21",
            followed_up_at="2026-11-25",
        ),
    ]
    return signals.build(every, lang="nl", since=since, types=TYPES, channels=CHANNELS)


def test_counts_by_type_channel_and_month(tmp_path: Path) -> None:
    s = summary(tmp_path)
    assert (s.total, s.reported, s.followed_up, s.open) == (3, 2, 1, 2)
    assert {c.label: c.n for c in s.by_type} == {"Bedreiging": 2, "Beledigingen": 1, _("other"): 1}
    # free text is "other"; a known platform id counts whatever its case
    assert {c.label: c.n for c in s.by_channel} == {"WhatsApp": 1, "Instagram": 1, _("other"): 1}
    assert [(c.label, c.n) for c in s.by_month] == [("oktober 2026", 1), ("november 2026", 2)]


def test_since_leaves_out_older_incidents(tmp_path: Path) -> None:
    s = summary(tmp_path, since=date(2026, 11, 1))
    assert s.total == 2
    assert "1 november 2026" in signals.intro(s)


def test_no_private_text_in_any_form(tmp_path: Path) -> None:
    s = summary(tmp_path)
    html = signals.to_html(s)
    for shown in (signals.to_markdown(s), html, BeautifulSoup(html, "html.parser").get_text()):
        for word in PRIVATE:
            assert word.lower() not in shown.lower(), word
