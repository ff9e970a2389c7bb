"""Where report, reminder and afspraken blad write their file (-o): one way for all three.

A folder (with or without a slash at the end) gets the command's own file name inside it, `-`
prints the file, the file is readable by the user only, and a place that cannot be written
gives a plain message, an exit code that is not 0 and no traceback.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import Result

from onlineveilig import outfile

from .conftest import Clock, run
from .rules_samples import FULL, write_rules
from .test_report import make_history


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    return write_rules(tmp_path, FULL)


# Each command: how to run it with -o, and the name of the file it makes in a folder.
def report(output: str, _rules: Path) -> Result:
    make_history()
    return run(["report", "-o", output])


def reminder(output: str, _rules: Path) -> Result:
    return run(["reminder", "-o", output])


def blad(output: str, rules: Path) -> Result:
    return run(["afspraken", "blad", "--rules", str(rules), "-o", output])


COMMANDS: dict[str, tuple[Callable[[str, Path], Result], str, str]] = {
    # name: (run it, the file it makes in a folder, how its content starts)
    "report": (report, "onlineveilig-verslag-2026-02-02.html", "<!DOCTYPE html>"),
    "reminder": (reminder, "onlineveilig-herinnering.ics", "BEGIN:VCALENDAR"),
    "blad": (blad, "afspraken-blad-2026-03-02.html", "<!DOCTYPE html>"),
}


def private(path: Path) -> bool:
    return stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.fixture
def locked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A folder the user may not write in (also when the tests run as root, who may write anywhere)."""
    folder = tmp_path / "van-iemand-anders"
    folder.mkdir()
    folder.chmod(0o500)
    if os.geteuid() == 0:
        real_open = os.open

        def refuse(path: str | os.PathLike[str], *args: object, **kwargs: object) -> int:
            if Path(path).parent == folder:
                raise PermissionError(errno.EACCES, "Permission denied", str(path))
            return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "open", refuse)
    yield folder
    folder.chmod(0o700)


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("slash", ["", "/"])
def test_a_folder_gets_the_file_inside_it(
    command: str, slash: str, tmp_path: Path, frozen: Clock, rules: Path
) -> None:
    runner, name, start = COMMANDS[command]
    folder = tmp_path / "uit"
    folder.mkdir()
    result = runner(f"{folder}{slash}", rules)
    assert result.exit_code == 0, result.output
    written = folder / name
    assert written.is_file()
    assert written.read_text(encoding="utf-8").startswith(start)
    assert private(written)
    assert str(written) in " ".join(result.output.split())


@pytest.mark.parametrize("command", COMMANDS)
def test_a_new_folder_named_with_a_slash_is_made(
    command: str, tmp_path: Path, frozen: Clock, rules: Path
) -> None:
    runner, name, _start = COMMANDS[command]
    folder = tmp_path / "nieuw" / "map"
    result = runner(f"{folder}/", rules)
    assert result.exit_code == 0, result.output
    assert private(folder / name)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700  # a folder onlineveilig made


@pytest.mark.parametrize("command", COMMANDS)
def test_a_file_name_is_used_as_given(
    command: str, tmp_path: Path, frozen: Clock, rules: Path
) -> None:
    runner, _name, start = COMMANDS[command]
    target = tmp_path / "mijn-bestand"
    result = runner(str(target), rules)
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").startswith(start)
    assert private(target)


@pytest.mark.parametrize("command", COMMANDS)
def test_a_dash_prints_the_file(
    command: str, tmp_path: Path, frozen: Clock, rules: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner, _name, start = COMMANDS[command]
    monkeypatch.chdir(tmp_path)
    result = runner("-", rules)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(start)
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize("command", COMMANDS)
def test_a_folder_without_permission_says_so(
    command: str, locked: Path, frozen: Clock, rules: Path
) -> None:
    runner, name, _start = COMMANDS[command]
    result = runner(str(locked), rules)
    assert result.exit_code not in (0, None)
    out = " ".join(result.output.split())
    assert f"Kon {locked / name} niet schrijven: je mag niet schrijven in de map {locked}." in out
    assert "Kies een map van jezelf" in out
    assert "Traceback" not in result.output
    assert not (locked / name).exists()


def reminder_to(target: Path) -> str:
    result = run(["reminder", "-o", str(target)])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    return " ".join(result.output.split())


def test_a_file_where_a_folder_should_be_is_named(tmp_path: Path, frozen: Clock) -> None:
    blocker = tmp_path / "een-bestand"
    blocker.write_text("", encoding="utf-8")
    out = reminder_to(blocker / "map" / "x.ics")
    assert f"{blocker} is een bestand, geen map." in out


def test_a_folder_as_the_file_is_named(tmp_path: Path, frozen: Clock) -> None:
    (tmp_path / "onlineveilig-herinnering.ics").mkdir()  # in the way of the file's name
    out = reminder_to(tmp_path)
    assert f"Kon {tmp_path / 'onlineveilig-herinnering.ics'} niet schrijven: dat is een map." in out


@pytest.mark.parametrize(
    ("code", "message"),
    [
        (errno.ENOSPC, "de schijf is vol."),
        (errno.EROFS, "op die schijf kan alleen gelezen worden"),
    ],
)
def test_a_full_or_read_only_disk_is_named_and_the_old_file_stays(
    tmp_path: Path, frozen: Clock, monkeypatch: pytest.MonkeyPatch, code: int, message: str
) -> None:
    folder = tmp_path / "stick"
    folder.mkdir()
    target = folder / "herinnering.ics"
    target.write_text("oud", encoding="utf-8")

    def fail(_fd: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "fsync", fail)
    out = reminder_to(target)
    assert f"Kon {target} niet schrijven: {message}" in out
    assert target.read_text(encoding="utf-8") == "oud"
    assert [p.name for p in folder.iterdir()] == ["herinnering.ics"]  # no half file left


def test_a_missing_folder_that_cannot_be_made_is_named(
    locked: Path, frozen: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    if os.geteuid() == 0:
        real_mkdir = Path.mkdir

        def refuse(self: Path, *args: object, **kwargs: object) -> None:
            if self.parent == locked:
                raise PermissionError(errno.EACCES, "Permission denied", str(self))
            real_mkdir(self, *args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(Path, "mkdir", refuse)
    out = reminder_to(locked / "bestaat-niet" / "x.ics")
    assert f"de map {locked / 'bestaat-niet'} bestaat niet en kan niet gemaakt worden." in out


def test_the_default_places() -> None:
    folder = Path("/standaard")
    assert outfile.target(None, "a.html", folder) == folder / "a.html"
    assert outfile.target("~/x.html", "a.html", folder) == Path.home() / "x.html"
    assert outfile.target("nieuw/", "a.html", folder) == Path("nieuw") / "a.html"
    assert outfile.is_stdout("-") and not outfile.is_stdout(None)


def test_init_in_a_folder_without_permission_says_why_and_offers_another_place(
    locked: Path, tmp_path: Path, frozen: Clock
) -> None:
    from onlineveilig.content.rules import load_rules

    from .test_afspraken_cli import TYPED, typed

    elsewhere = tmp_path / "elders"
    elsewhere.mkdir()
    result = run(["afspraken", "init", "-o", str(locked)], input=typed(*TYPED, f"{elsewhere}"))
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())
    assert f"Kon {locked / 'afspraken.toml'} niet schrijven: je mag niet schrijven in de map" in out
    assert load_rules(elsewhere / "afspraken.toml").organisation.name == "De Brug vzw"
    assert private(elsewhere / "afspraken.toml")


@pytest.mark.parametrize("command", COMMANDS)
def test_a_link_is_followed_and_the_file_it_points_at_is_written(
    command: str, tmp_path: Path, frozen: Clock, rules: Path
) -> None:
    runner, _name, start = COMMANDS[command]
    real = tmp_path / "echt.html"
    real.write_text("oud", encoding="utf-8")
    link = tmp_path / "link.html"
    link.symlink_to(real)
    result = runner(str(link), rules)
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and link.resolve() == real  # the link stays a link
    assert real.read_text(encoding="utf-8").startswith(start)  # written where it points
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".html")) == [
        "echt.html",
        "link.html",
    ]


def test_a_link_to_a_file_that_is_not_there_yet_makes_it(tmp_path: Path, frozen: Clock) -> None:
    real = tmp_path / "nieuw.ics"
    link = tmp_path / "link.ics"
    link.symlink_to(real)
    result = run(["reminder", "-o", str(link)])
    assert result.exit_code == 0, result.output
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")


@pytest.mark.parametrize("via_link", [False, True])
def test_a_fifo_is_refused_and_stays_a_fifo(tmp_path: Path, frozen: Clock, via_link: bool) -> None:
    fifo = tmp_path / "pijp"
    os.mkfifo(fifo)
    target = fifo
    if via_link:
        target = tmp_path / "link-naar-pijp"
        target.symlink_to(fifo)
    out = reminder_to(target)
    assert f"Kon {target} niet schrijven: dat is geen gewoon bestand." in out
    assert "Kies een bestandsnaam" in out
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # never replaced by a file


def test_a_folder_of_the_system_says_you_cannot_write_there(frozen: Clock) -> None:
    if not Path("/proc/self").is_dir():
        pytest.skip("needs /proc")
    out = reminder_to(Path("/proc/x.ics"))
    assert "Kon /proc/x.ics niet schrijven: je kunt niet schrijven in de map /proc." in out
    assert "bestaat niet" not in out
