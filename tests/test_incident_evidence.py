"""Evidence through the CLI: files copied exactly, addresses recorded unfetched, verify, wipe."""

from __future__ import annotations

import hashlib
import stat
from pathlib import Path

from onlineveilig.paths import database_path, evidence_dir
from onlineveilig.store.repo import Store

from .conftest import Clock, run
from .test_incident_cli import WHOLE


def _one_incident() -> None:
    assert run(["incident", "add"], input=WHOLE).exit_code == 0


def _copies() -> list[Path]:
    return sorted(p for p in evidence_dir().rglob("*") if p.is_file())


def test_files_are_copied_byte_for_byte_and_the_originals_stay(
    frozen: Clock, tmp_path: Path
) -> None:
    _one_incident()
    shot = tmp_path / "Schermafbeelding 2026-03-01 om 23.10.png"
    chat = tmp_path / "WhatsApp-chat met B.txt"
    shot.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 400)
    chat.write_bytes("[01-03 23:10] B: je weet waar ik woon — 🙂\r\n".encode())
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (shot, chat)}
    result = run(["incident", "evidence", "1", str(shot), str(chat), "--note", "van vannacht"])
    assert result.exit_code == 0, result.output
    assert "Bewaard: Schermafbeelding 2026-03-01 om 23.10.png (102,4 kB" in result.output
    assert "Je eigen bestand blijft zoals het was." in " ".join(result.output.split())
    for path, (data, mtime) in before.items():
        assert path.read_bytes() == data and path.stat().st_mtime_ns == mtime
    copies = _copies()
    assert sorted(c.read_bytes() for c in copies) == sorted(d for d, _m in before.values())
    assert all(stat.S_IMODE(c.stat().st_mode) == 0o600 for c in copies)
    assert all(stat.S_IMODE(c.parent.stat().st_mode) == 0o700 for c in copies)
    shown = run(["incident", "show", "1"]).output
    assert "Schermafbeelding 2026-03-01 om 23.10.png" in shown
    assert hashlib.sha256(before[chat][0]).hexdigest() in shown
    assert "Notitie: van vannacht" in shown
    assert '"evidence": 2' in run(["incident", "list", "--json"]).stdout


def test_the_same_file_twice_is_said_and_kept_once(frozen: Clock, tmp_path: Path) -> None:
    _one_incident()
    shot = tmp_path / "shot.png"
    shot.write_bytes(b"picture")
    run(["incident", "evidence", "1", str(shot)])
    again = run(["incident", "evidence", "1", str(shot)])
    assert again.exit_code == 0
    assert "shot.png is al bewaard bij dit incident" in again.output
    assert len(_copies()) == 1


def test_missing_file_folder_and_unknown_incident(frozen: Clock, tmp_path: Path) -> None:
    _one_incident()
    gone = run(["incident", "evidence", "1", str(tmp_path / "weg.png")])
    assert gone.exit_code == 2 and "niet gevonden" in gone.output
    folder = run(["incident", "evidence", "1", str(tmp_path)])
    assert folder.exit_code == 2 and "is een map, geen bestand" in folder.output
    nothing = run(["incident", "evidence", "1"])
    assert nothing.exit_code == 2 and "Welk bewijs wil je bewaren?" in nothing.output
    unknown = run(["incident", "evidence", "5", str(tmp_path)])
    assert unknown.exit_code == 2 and "Er is geen incident 5." in unknown.output
    assert _copies() == []


def test_an_address_is_recorded_with_the_time_seen_and_never_fetched(frozen: Clock) -> None:
    _one_incident()
    url = "https://nep-profiel.example/profiel?id=1&x=<b>"
    result = run(
        ["incident", "evidence", "1", "--url", url, "--seen", "gisteren 21:05", "--note", "nep"]
    )
    assert result.exit_code == 0, result.output
    assert "niet geopend of opgehaald" in result.output
    shown = run(["incident", "show", "1"]).output
    assert url in shown and "gezien 1 maart 2026 21:05" in shown
    for bad in ("javascript:alert(1)", "mijn profiel", "ftp://x.org/a"):
        refused = run(["incident", "evidence", "1", "--url", bad])
        assert refused.exit_code == 2 and "lijkt geen webadres" in refused.output
    late = run(["incident", "evidence", "1", "--url", url, "--seen", "morgen"])
    assert late.exit_code == 2 and "geen datum die onlineveilig kan lezen" in late.output


def test_verify_names_changed_and_missing_files(frozen: Clock, tmp_path: Path) -> None:
    _one_incident()
    names = ["eerste.png", "tweede.png", "derde.txt"]
    for n, name in enumerate(names):
        (tmp_path / name).write_bytes(f"bewijs {n}".encode())
    run(["incident", "evidence", "1", *(str(tmp_path / name) for name in names)])
    good = run(["incident", "verify"])
    assert good.exit_code == 0
    assert "Alle 3 bestanden zijn precies zoals ze waren" in good.output
    with Store(database_path()) as store:
        incident = store.incidents.get(1)
        assert incident is not None
        first, second, _third = incident.evidence
        store.incidents.evidence_file(1, first).write_bytes(b"bewijs 0 bewerkt")
        store.incidents.evidence_file(1, second).unlink()
    bad = run(["incident", "verify", "1"])
    assert bad.exit_code == 1
    assert "eerste.png: GEWIJZIGD sinds het werd toegevoegd" in bad.output
    assert "tweede.png: ONTBREEKT" in bad.output
    assert "derde.txt: ok" in bad.output
    assert "2 van de 3 bestanden zijn niet meer zoals ze waren" in bad.output


def test_verify_with_nothing_kept(frozen: Clock) -> None:
    result = run(["incident", "verify"])
    assert result.exit_code == 0 and "geen bewijsbestanden" in result.output


def test_wipe_counts_and_removes_incidents_and_evidence(frozen: Clock, tmp_path: Path) -> None:
    _one_incident()
    mine = tmp_path / "screenshot.png"
    mine.write_bytes(b"keep me")
    run(["incident", "evidence", "1", str(mine)])
    result = run(["wipe"], input="WISSEN\n")
    assert result.exit_code == 0, result.output
    assert "1 incident dat je hebt genoteerd" in result.output
    assert "1 bewijsbestand (de kopie in" in result.output
    assert not evidence_dir().exists()
    assert mine.read_bytes() == b"keep me"  # the user's own file is not touched


def test_an_address_seen_on_a_day_shows_the_day(frozen: Clock) -> None:
    _one_incident()
    run(["incident", "evidence", "1", "--url", "https://x.example/p", "--seen", "28-02-2026"])
    shown = run(["incident", "show", "1"]).output
    assert "gezien 28 februari 2026 (niet opgehaald)" in shown


def test_a_broken_copy_is_put_back_from_the_original_and_the_bundle_works_again(
    frozen: Clock, tmp_path: Path
) -> None:
    _one_incident()
    names = ["eerste.png", "tweede.png"]
    for n, name in enumerate(names):
        (tmp_path / name).write_bytes(f"bewijs {n}".encode())
    run(["incident", "evidence", "1", *(str(tmp_path / name) for name in names)])
    with Store(database_path()) as store:
        incident = store.incidents.get(1)
        assert incident is not None
        first, second = incident.evidence
        store.incidents.evidence_file(1, first).write_bytes(b"bewijs 0 bewerkt")
        store.incidents.evidence_file(1, second).unlink()
    bad = run(["incident", "verify", "1"])
    assert bad.exit_code == 1
    said = " ".join(bad.output.split())
    assert (
        "Heb je het origineel nog? Voeg het opnieuw toe met: onlineveilig incident evidence 1"
        in said
    )
    again = run(["incident", "evidence", "1", *(str(tmp_path / name) for name in names)])
    assert again.exit_code == 0, again.output
    assert " ".join(again.output.split()).count("is teruggezet uit je bestand") == 2
    assert run(["incident", "verify", "1"]).exit_code == 0
    bundle = tmp_path / "b.zip"
    assert run(["incident", "export", "1", "--bundle", str(bundle)]).exit_code == 0
    assert bundle.exists()
    # A different file is still never taken for the kept one.
    (tmp_path / "ander.png").write_bytes(b"iets anders")
    assert run(["incident", "evidence", "1", str(tmp_path / "ander.png")]).exit_code == 0
    with Store(database_path()) as store:
        incident = store.incidents.get(1)
        assert incident is not None and len(incident.evidence) == 3


def test_an_address_copied_without_https_and_a_very_long_one(frozen: Clock) -> None:
    _one_incident()
    short = run(["incident", "evidence", "1", "--url", "www.facebook.com/profiel.123"])
    assert short.exit_code == 0, short.output
    assert "https://www.facebook.com/profiel.123" in run(["incident", "show", "1"]).output
    long_url = "https://example.org/" + "a" * 5000
    echoed = run(["incident", "evidence", "1", "--url", long_url])
    assert echoed.exit_code == 0
    assert len(echoed.output) < 600  # the whole address is kept, not echoed in full
