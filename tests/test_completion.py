"""`onlineveilig completion`: the shell script, and the answers the shell gets while you type."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from onlineveilig import cli

from .conftest import run


def flat(text: str) -> str:
    return " ".join(text.split())


def complete(
    words: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> list[str]:
    """What bash offers for the last word of `words` (as the script of `completion bash` asks)."""
    parts = words.split(" ")
    monkeypatch.setenv("_ONLINEVEILIG_COMPLETE", "bash_complete")
    monkeypatch.setenv("COMP_WORDS", words)
    monkeypatch.setenv("COMP_CWORD", str(len(parts) - 1))
    with pytest.raises(SystemExit) as stop:
        cli.main([])
    assert stop.value.code == 0
    lines = capsys.readouterr().out.splitlines()
    assert all(line.startswith("plain,") for line in lines), lines
    return [line.removeprefix("plain,") for line in lines]


def test_bash_script_is_printed() -> None:
    result = run(["completion", "bash"])
    assert result.exit_code == 0
    assert "_ONLINEVEILIG_COMPLETE=bash_complete" in result.stdout
    assert "complete -o nosort -F _onlineveilig_completion onlineveilig" in result.stdout
    assert result.stderr == ""  # read by eval: nothing else on the screen


@pytest.mark.parametrize(
    ("shell", "marker"),
    [("zsh", "compdef _onlineveilig_completion onlineveilig"), ("fish", "complete --no-files")],
)
def test_zsh_and_fish_scripts(shell: str, marker: str) -> None:
    result = run(["completion", shell])
    assert result.exit_code == 0
    assert marker in result.stdout and f"_ONLINEVEILIG_COMPLETE={shell}_complete" in result.stdout


def test_help_says_how_to_switch_it_on() -> None:
    out = run(["completion", "--help"]).output
    assert '~/.bashrc:  eval "$(onlineveilig completion bash)"' in out
    assert '~/.zshrc:   eval "$(onlineveilig completion zsh)"' in out
    assert "Tab-toets" in out
    english = run(["--lang", "en", "completion", "--help"]).output
    assert "To switch it on, add the line for your shell" in flat(english)
    assert "completion" in run(["--help"]).output


def test_unknown_shell_is_explained() -> None:
    result = run(["completion", "tcsh"])
    assert result.exit_code == 2
    assert (
        "Onbekende shell: tcsh." in result.output and "Gebruik bash, zsh of fish." in result.output
    )


def test_command_names_are_completed(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert complete("onlineveilig sta", capsys, monkeypatch) == ["status"]
    assert complete("onlineveilig se", capsys, monkeypatch) == ["search-me"]
    everything = complete("onlineveilig ", capsys, monkeypatch)
    assert everything[:2] == ["audit", "status"] and "afspraken" in everything


def test_options_and_sub_commands_of_a_command_are_completed(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert complete("onlineveilig hulp --l", capsys, monkeypatch) == ["--land"]
    assert complete("onlineveilig audit --se", capsys, monkeypatch) == ["--section"]
    assert complete("onlineveilig afspraken b", capsys, monkeypatch) == ["blad"]


def test_english_mode_completes_the_english_names(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert complete("onlineveilig --lang en he", capsys, monkeypatch) == ["helplines"]
    options = complete("onlineveilig --lang en helplines --", capsys, monkeypatch)
    assert "--country" in options and "--land" not in options
    assert complete("onlineveilig --lang en rules ", capsys, monkeypatch) == [
        "init",
        "show",
        "sheet",
    ]
    monkeypatch.setenv("ONLINEVEILIG_LANG", "en")
    assert complete("onlineveilig rules sheet --y", capsys, monkeypatch) == ["--young"]


def test_completing_a_command_name_imports_no_command() -> None:
    """Tab must answer fast: the table of commands is enough for their names."""
    probe = (
        "import atexit, sys\n"
        "atexit.register(lambda: print(sorted(m for m in sys.modules"
        " if m.startswith('onlineveilig.commands.')), file=sys.stderr))\n"
        "from onlineveilig.cli import main\n"
        "main()\n"
    )
    env = dict(
        os.environ,
        _ONLINEVEILIG_COMPLETE="bash_complete",
        COMP_WORDS="onlineveilig ",
        COMP_CWORD="1",
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "plain,audit" in result.stdout.splitlines()
    loaded = result.stderr.strip().splitlines()[-1]
    assert loaded == "['onlineveilig.commands.completion']"  # the answering module only
