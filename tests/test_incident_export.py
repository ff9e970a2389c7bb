"""incident export: the facts, the steps, the evidence manifest, the history, the organisation's
contacts and the advice, in HTML, Markdown and JSON; the bundle that `sha256sum -c` checks."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import tomllib
import zipfile
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from onlineveilig import i18n
from onlineveilig.content.rules import Rules
from onlineveilig.incidents import bundle
from onlineveilig.incidents.export import render
from onlineveilig.incidents.export.build import Context, build
from onlineveilig.incidents.model import Change, Evidence, EvidenceKind

from .incident_samples import NOW, evidence_file, incident
from .rules_samples import FULL


def rules(country: str | None = "be") -> Rules:
    data: dict[str, Any] = tomllib.loads(FULL)
    if country is None:
        data["organisation"].pop("country")
    else:
        data["organisation"]["country"] = country
    return Rules.model_validate(data)


def every_form(export: Any) -> tuple[str, str, str]:
    html = render.to_html(export)
    text = " ".join(BeautifulSoup(html, "html.parser").get_text().split())
    return text, render.to_markdown(export), render.to_json(export)


def test_the_export_has_the_facts_the_evidence_and_the_history(tmp_path: Path) -> None:
    shot = evidence_file(tmp_path, "schermafbeelding.png", b"x" * 2048, 1, note="van mijn gsm")
    link = Evidence(2, EvidenceKind.URL, NOW, url="https://example.org/profiel", seen_at=NOW)
    record = incident(
        description="Eerste regel.\nTweede regel.",
        reported_to="mijn teamleider",
        reported_at="2026-11-13",
        evidence=(shot, link),
        history=(Change("who", "de vader", "vader van cliënt", NOW),),
    )
    export = build(record, Context("nl", NOW, "onlineveilig test"))
    for shown in every_form(export)[:2]:
        assert "Eerste regel." in shown and "Tweede regel." in shown
        assert "vader van cliënt" in shown and "mijn teamleider" in shown
        assert "schermafbeelding.png" in shown and shot.sha256 in shown
        assert "2,0 kB" in shown and "van mijn gsm" in shown
        assert "https://example.org/profiel" in shown
        assert "de vader" in shown  # the earlier value, from the record's history
        assert "12 november 2026 21:30" in shown
        assert "onlineveilig hulp" in shown  # where to get support
    data = json.loads(render.to_json(export))
    assert data["incident"]["description"] == "Eerste regel.\nTweede regel."
    files = [e for e in data["incident"]["evidence"] if e["kind"] == "file"]
    assert files == [
        {
            "kind": "file",
            "added_at": NOW.isoformat(),
            "name": "schermafbeelding.png",
            "size": 2048,
            "sha256": shot.sha256,
            "note": "van mijn gsm",
        }
    ]
    urls = [e for e in data["incident"]["evidence"] if e["kind"] == "url"]
    assert urls[0]["url"] == "https://example.org/profiel"
    assert urls[0]["seen_at"] == NOW.isoformat()
    assert data["incident"]["history"][0]["old"] == "de vader"


def test_the_organisation_says_to_whom_and_by_when() -> None:
    export = build(
        incident(),
        Context("nl", NOW, "t", rules=rules(), report_to="de coördinator", report_within_days=2),
    )
    text, md, _json = every_form(export)
    for shown in (text, md):
        assert "de coördinator" in shown
        assert "14 november 2026" in shown  # started on the 12th, two days to report it
        assert "Lotte Maes" in shown and "+32 9 000 00 41" in shown
        assert "Pieter Claes" in shown  # every contact, not only the ones on the client sheet
    assert json.loads(_json)["organisation"]["report_within_days"] == 2


def test_without_rules_it_says_to_ask_the_supervisor() -> None:
    i18n.set_language("en")
    text, md, _json = every_form(build(incident(), Context("en", NOW, "t")))
    assert "ask your supervisor or team leader" in text


@pytest.mark.parametrize(
    ("country", "present", "absent"),
    [("be", ["101", "Police on Web"], ["0900-8844"]), ("nl", ["0900-8844", "0900-0101"], ["101 "])],
)
def test_the_advice_follows_the_organisations_country(
    country: str, present: list[str], absent: list[str]
) -> None:
    text, md, _json = every_form(build(incident(), Context("nl", NOW, "t", rules=rules(country))))
    for shown in (text, md):
        assert all(word in shown for word in present), country
        assert not any(word in shown for word in absent), country


def test_without_a_country_the_advice_names_both() -> None:
    text, _md, _json = every_form(build(incident(), Context("nl", NOW, "t", rules=rules(None))))
    assert "0900-8844" in text and "Police on Web" in text


def test_the_export_never_blames() -> None:
    i18n.set_language("en")
    text, md, _json = every_form(build(incident(), Context("en", NOW, "t")))
    assert "not your fault" in text
    assert "cause" not in md.lower()


def checked(folder: Path) -> str:
    """`sha256sum -c SHA256SUMS` in the unzipped folder, with the real tool when there is one."""
    tool = shutil.which("sha256sum")
    if tool:
        result = subprocess.run(
            [tool, "-c", "SHA256SUMS"], cwd=folder, capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stdout + result.stderr
        return "sha256sum"
    for line in (folder / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
        digest, name = line.split("  ", 1)
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest, name
    return "hashlib"


def make_bundle(tmp_path: Path, names: list[str]) -> tuple[Path, Any]:
    files = tuple(
        evidence_file(tmp_path, name, f"bewijs {n}\n".encode() * (n + 1), n)
        for n, name in enumerate(names, 1)
    )
    record = incident(evidence=files)
    in_zip = bundle.evidence_names(record)
    export = build(record, Context("nl", NOW, "t", bundled=in_zip))
    texts = {
        "incident-3.html": render.to_html(export),
        "incident-3.md": render.to_markdown(export),
        "incident-3.json": render.to_json(export),
        "manifest.json": bundle.manifest(record, in_zip),
    }
    target = tmp_path / "out" / "bundel.zip"
    items = [bundle.EvidenceFile(ev, tmp_path / ev.stored_name) for ev in files]
    bundle.write(target, texts, items, in_zip, NOW)
    return target, record


def test_the_bundle_checks_with_sha256sum(tmp_path: Path) -> None:
    target, record = make_bundle(tmp_path, ["chat.txt", "foto.jpg"])
    assert target.stat().st_mode & 0o777 == 0o600
    folder = tmp_path / "unzipped"
    with zipfile.ZipFile(target) as zf:
        zf.extractall(folder)
        names = zf.namelist()
    assert set(names) >= {"SHA256SUMS", "manifest.json", "incident-3.html", "incident-3.md"}
    assert checked(folder) in ("sha256sum", "hashlib")
    listed = (folder / "SHA256SUMS").read_text(encoding="utf-8")
    assert all(name in listed for name in names if name != "SHA256SUMS")
    for ev in record.evidence:  # byte for byte, the hash recorded when it was added
        inside = folder / bundle.evidence_names(record)[ev.id]
        assert inside.read_bytes() == (tmp_path / ev.stored_name).read_bytes()
        assert f"{ev.sha256}  {bundle.evidence_names(record)[ev.id]}" in listed
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert [e["original_name"] for e in manifest["evidence"]] == ["chat.txt", "foto.jpg"]


def test_names_in_the_bundle_are_safe_and_unique(tmp_path: Path) -> None:
    hostile = [
        "../../etc/passwd",
        "/tmp/abs.txt",
        "C:\\Users\\x\\foto.png",
        "a\nb.txt",
        "..",
        "foto.png",
        "FOTO.png",
    ]
    target, _record = make_bundle(tmp_path, hostile)
    with zipfile.ZipFile(target) as zf:
        names = zf.namelist()
        zf.extractall(tmp_path / "unzipped")
    assert len(names) == len({n.casefold() for n in names})
    for name in names:
        assert not name.startswith(("/", "\\")) and ".." not in name.split("/")
        assert "\n" not in name and "\\" not in name and ":" not in name
        assert name.count("/") <= 1
    checked(tmp_path / "unzipped")


def test_a_changed_evidence_file_leaves_no_bundle(tmp_path: Path) -> None:
    shot = evidence_file(tmp_path, "chat.txt", b"origineel", 1)
    (tmp_path / shot.stored_name).write_bytes(b"veranderd")
    record = incident(evidence=(shot,))
    target = tmp_path / "bundel.zip"
    with pytest.raises(bundle.EvidenceProblem) as caught:
        bundle.write(
            target,
            {"a.md": "x"},
            [bundle.EvidenceFile(shot, tmp_path / shot.stored_name)],
            bundle.evidence_names(record),
            NOW,
        )
    assert caught.value.kind == "changed"
    assert list(tmp_path.glob("*.zip")) == [] and list(tmp_path.glob(".*tmp")) == []


def test_evidence_is_streamed_in_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bundle, "CHUNK", 1000)
    data = bytes(range(256)) * 40  # 10 240 bytes: eleven chunks
    shot = evidence_file(tmp_path, "groot.bin", data, 1)
    record = incident(evidence=(shot,))
    reads: list[int] = []
    real_open = Path.open

    def spy(self: Path, *args: Any, **kwargs: Any) -> Any:
        handle = real_open(self, *args, **kwargs)
        if self.name == shot.stored_name:
            read = handle.read
            handle.read = lambda n=-1: reads.append(n) or read(n)  # type: ignore[method-assign]
        return handle

    monkeypatch.setattr(Path, "open", spy)
    target = tmp_path / "b.zip"
    items = [bundle.EvidenceFile(shot, tmp_path / shot.stored_name)]
    bundle.write(target, {}, items, bundle.evidence_names(record), NOW)
    assert reads and all(0 < n <= 1000 for n in reads)
    with zipfile.ZipFile(target) as zf:
        assert zf.read(bundle.evidence_names(record)[1]) == data


def test_a_replaced_full_name_and_machine_dates_never_reach_the_export(
    frozen: object, tmp_path: Path
) -> None:
    """The tool asked to replace a full name by a role: the name does not travel on."""
    from .conftest import run
    from .test_incident_cli import WHOLE

    assert run(["incident", "add"], input=WHOLE).exit_code == 0
    edit = run(["incident", "edit", "1", "wie"], input="John O'Brien\nnee\n")
    assert edit.exit_code == 0, edit.output
    again = run(["incident", "edit", "1", "wie"], input="vader van cliënt B\n")
    assert again.exit_code == 0, again.output
    when = run(["incident", "edit", "1", "gemeld-op"], input="02-03-2026\n")
    assert when.exit_code == 0, when.output
    for form in ("html", "md", "json"):
        out = tmp_path / f"i.{form}"
        assert run(["incident", "export", "1", "--format", form, "-o", str(out)]).exit_code == 0
        body = out.read_text(encoding="utf-8")
        assert "O'Brien" not in body and "O&#39;Brien" not in body, form
        if form != "json":
            assert "2026-03-02" not in body and "2 maart 2026" in body, form
