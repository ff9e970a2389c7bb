"""What the system refused, in the user's language: never its English words inside a Dutch sentence."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import pytest

from onlineveilig import i18n
from onlineveilig.errors import StoreError, StoreKind
from onlineveilig.ui.errors import explain
from onlineveilig.ui.oserrors import os_reason

from .conftest import Clock, run

COMMON = [
    errno.ENOENT,
    errno.EACCES,
    errno.EPERM,
    errno.EROFS,
    errno.ENOSPC,
    errno.EISDIR,
    errno.ENOTDIR,
    errno.EEXIST,
    errno.EBUSY,
    errno.ENAMETOOLONG,
    errno.EDQUOT,
    errno.ELOOP,
    errno.EIO,
]


@pytest.mark.parametrize("code", COMMON)
def test_common_os_errors_are_said_in_dutch(code: int) -> None:
    reason = os_reason(OSError(code, os.strerror(code)))
    assert reason and os.strerror(code) not in reason
    assert "error" not in reason and "fout" not in reason  # its own words, not the fallback


def test_each_common_error_has_its_own_words() -> None:
    reasons = {os_reason(OSError(code, "x")) for code in COMMON}
    assert len(reasons) == len(COMMON) - 1  # EACCES and EPERM both: no permission


def test_an_uncommon_error_is_named_by_its_number_not_in_english() -> None:
    assert os_reason(OSError(errno.EXDEV, os.strerror(errno.EXDEV))) == (
        f"het systeem weigerde (fout {errno.EXDEV})"
    )
    assert os_reason(OSError("no number")) == "het systeem weigerde"


def test_in_english_too_the_words_are_ours() -> None:
    i18n.set_language("en")
    assert os_reason(OSError(errno.ENOSPC, "No space left on device")) == "the disk is full"


@pytest.mark.parametrize("command", [["status"], ["audit"], ["config", "show"], ["wipe"]])
def test_a_home_that_is_a_file_is_said_plainly(
    tmp_path: Path, frozen: Clock, command: list[str]
) -> None:
    home = tmp_path / "thuis.txt"
    home.write_text("geen map", encoding="utf-8")
    result = run(command, input="", env={"ONLINEVEILIG_HOME": str(home)})
    assert result.exit_code == 3
    out = result.output
    assert f"ONLINEVEILIG_HOME noemt {home}, en dat is een bestand, geen map." in out
    assert "config.toml" not in out and "kan niet gelezen" not in out
    assert "Traceback" not in out and "Not a directory" not in out
    assert out.count("een bestand, geen map") == 1  # one message, not one per folder
    assert home.read_text(encoding="utf-8") == "geen map"


def test_a_home_inside_a_file_names_the_reason_in_dutch(tmp_path: Path, frozen: Clock) -> None:
    blocker = tmp_path / "bestand"
    blocker.write_text("", encoding="utf-8")
    result = run(["config", "show"], env={"ONLINEVEILIG_HOME": str(blocker / "onder")})
    assert result.exit_code == 4
    assert "een deel van het pad is een bestand, geen map" in result.output
    assert "Not a directory" not in result.output and "Traceback" not in result.output


def test_settings_that_cannot_be_saved_say_why_in_dutch(
    frozen: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from onlineveilig import settings

    def read_only(path: Path, _data: object) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))

    monkeypatch.setattr(settings, "write_private", read_only)
    result = run(["config", "set", "lang", "en"])
    assert result.exit_code == 4
    out = " ".join(result.output.split())
    assert "Kon de instellingen niet bewaren in" in out
    assert "op die schijf kan alleen gelezen worden, niet geschreven." in out
    assert os.strerror(errno.EROFS) not in out


def test_an_output_file_refused_for_another_reason_says_it_in_dutch(
    tmp_path: Path, frozen: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    def busy(_fd: int) -> None:
        raise OSError(errno.EBUSY, os.strerror(errno.EBUSY))

    monkeypatch.setattr(os, "fsync", busy)
    target = tmp_path / "herinnering.ics"
    result = run(["reminder", "-o", str(target)])
    assert result.exit_code != 0
    out = " ".join(result.output.split())
    assert f"Kon {target} niet schrijven: het is in gebruik door een ander programma." in out
    assert os.strerror(errno.EBUSY) not in out


def test_wipe_that_cannot_delete_says_why_in_dutch(
    frozen: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run(["config", "set", "city", "Gent"]).exit_code == 0

    def refuse(path: object, *_args: object, **_kwargs: object) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))

    monkeypatch.setattr(shutil, "rmtree", refuse)
    result = run(["wipe"], input="WISSEN\n")
    assert result.exit_code == 4
    out = " ".join(result.output.split())
    assert "niet verwijderen: je hebt er geen toestemming voor." in out
    assert "Permission denied" not in out and "Traceback" not in out


def test_a_history_file_that_cannot_be_opened_says_why() -> None:
    error = StoreError(
        Path("/x/h.sqlite3"),
        StoreKind.UNREADABLE,
        "Permission denied",
        os_error=PermissionError(errno.EACCES, "Permission denied"),
    )
    message, _hint, _code = explain(error)
    assert message == (
        "Het geschiedenisbestand /x/h.sqlite3 kan niet geopend worden: "
        "je hebt er geen toestemming voor."
    )
