"""A setting that cannot be used, or a settings file (config.toml) that cannot, in plain words.

ui/errors.py's explain() hands ConfigError to this module; `config show` uses problem_line()
and fix_hints() to say per key what is wrong with the file.
"""

from __future__ import annotations

from onlineveilig.errors import ConfigError, ConfigKind, ExitCode, SettingProblem
from onlineveilig.i18n import _
from onlineveilig.ui.oserrors import os_reason

# The kinds about the file itself (or the folder it is in): exit code 3, as a broken checklist.
FILE_KINDS = {
    ConfigKind.UNREADABLE,
    ConfigKind.NOT_UTF8,
    ConfigKind.NOT_TOML,
    ConfigKind.HOME_IS_FILE,
    ConfigKind.BAD_FILE_VALUE,
    ConfigKind.UNKNOWN_FILE_KEY,
}


def _why(problem: SettingProblem) -> str:
    from onlineveilig import settings

    if problem.kind == ConfigKind.UNKNOWN_FILE_KEY:
        if problem.key in settings.PROFILE:
            return _("this is part of your profile, which is not kept in this file")
        return _("onlineveilig does not know this setting (a typo?)")
    if problem.key in settings.WEB_ADDRESSES:
        return _("must be a web address that starts with https:// (or http://)")
    needs = {
        "lang": _("must be nl or en"),
        "country": _("must be be (Belgium) or nl (the Netherlands)"),
        "search-provider": _("must be brave, searxng, duckduckgo or manual"),
        "checklist": _("must be the path of one file, between quotes"),
        "rules": _("must be the path of one file, between quotes"),
    }
    return needs.get(problem.key, _("must be text between quotes"))


def problem_line(problem: SettingProblem) -> str:
    """One entry of the file and what is wrong with it: `lang = 5: must be nl or en`."""
    from onlineveilig.settings import shown

    return f"{problem.key} = {shown(problem.value)}: {_why(problem)}"


def _example(key: str) -> str:
    examples = {"lang": "nl", "country": "be", "search-provider": "duckduckgo"}
    if key in ("checklist", "rules"):
        return _("<path to the file>")
    return examples.get(key, _("<web address>"))


def fix_hints(problems: list[SettingProblem]) -> list[str]:
    """What to type to put the file right: for the first wrong value and the first unknown key."""
    hints = []
    bad = [p for p in problems if p.kind == ConfigKind.BAD_FILE_VALUE]
    unknown = [p for p in problems if p.kind == ConfigKind.UNKNOWN_FILE_KEY]
    if bad:
        key = bad[0].key
        hints.append(
            _("Correct %(key)s with: onlineveilig config set %(key)s %(example)s")
            % {"key": key, "example": _example(key)}
        )
    from onlineveilig import settings

    # A profile key (platforms, name, ...) in the file: `config set KEY ''` would erase the
    # profile's value, not the line. Saving any setting writes the file again without the lines
    # it cannot use, so point to a harmless one.
    strays = [p for p in unknown if p.key not in settings.PROFILE]
    if strays:
        hints.append(
            _("Remove what onlineveilig does not know with: onlineveilig config set %(key)s ''")
            % {"key": strays[0].key}
        )
    elif unknown:
        hints.append(
            _(
                "Delete the line that starts with %(key)s from the settings file; your profile "
                "keeps its own %(key)s (see onlineveilig config show)."
            )
            % {"key": unknown[0].key}
        )
    return hints


def explain_config(error: ConfigError) -> tuple[str, str, ExitCode]:
    """(message, hint, exit code) for a setting or a settings file that cannot be used."""
    from onlineveilig.ui.errors import toml_mistake

    reason = os_reason(error.os_error) if error.os_error is not None else _("the system refused")
    v = {"path": error.path, "key": error.key, "value": error.value, "reason": reason}
    cannot_use = _("The settings file %(path)s cannot be used.")
    messages: dict[ConfigKind, str] = {
        ConfigKind.UNREADABLE: _("The settings file %(path)s cannot be read: %(reason)s."),
        ConfigKind.NOT_UTF8: cannot_use
        + "\n  "
        + _("It is not plain text in UTF-8: save it again as UTF-8 text."),
        ConfigKind.NOT_TOML: cannot_use + "\n  " + toml_mistake(error.value),
        ConfigKind.UNWRITABLE: _("Could not save the settings in %(path)s: %(reason)s."),
        ConfigKind.HOME_IS_FILE: _(
            "ONLINEVEILIG_HOME names %(path)s, which is a file, not a folder."
        ),
        ConfigKind.BAD_FILE_VALUE: cannot_use,
        ConfigKind.UNKNOWN_FILE_KEY: cannot_use,
        ConfigKind.UNKNOWN_KEY: _("There is no setting called %(key)s."),
        ConfigKind.UNKNOWN_PLATFORM: _("Unknown platform: %(value)s."),
        ConfigKind.BAD_URL: _(
            "%(value)s is not a web address: it must start with https:// (or http://)."
        ),
        ConfigKind.BAD_VALUE: _("That value cannot be used for %(key)s: %(value)s"),
        ConfigKind.BAD_LANG: _("Unknown language: %(value)s (use nl or en)."),
    }
    bad_values = {
        "search-provider": _(
            "Unknown provider: %(value)s (use brave, searxng, duckduckgo or manual)."
        ),
        "country": _("Unknown country: %(value)s (use be or nl)."),
        "usernames": _(
            "%(value)s cannot be a username: a username has no spaces and none of "
            "/ \\ ? # %% or two dots in a row. Separate several usernames with commas."
        ),
    }
    if error.kind == ConfigKind.BAD_VALUE and error.key in bad_values:
        message = bad_values[error.key] % v
    else:
        message = messages[error.kind] % v
    hint = _("See the possible values with: onlineveilig config show")
    if error.kind in (ConfigKind.BAD_FILE_VALUE, ConfigKind.UNKNOWN_FILE_KEY):
        message += "".join(f"\n  {problem_line(p)}" for p in error.problems)
        hint = "\n".join(
            [*fix_hints(error.problems), _("See every setting with: onlineveilig config show")]
        )
    elif error.kind in (ConfigKind.UNREADABLE, ConfigKind.NOT_UTF8, ConfigKind.NOT_TOML):
        hint = _(
            "Correct the file, or delete it to start again with the usual settings (then choose "
            "your language, checklist, rules and search settings again)."
        )
    elif error.kind == ConfigKind.UNWRITABLE:
        hint = _(
            "Check that you may write in that folder (or set ONLINEVEILIG_HOME to a folder "
            "of your own). Nothing was changed."
        )
    elif error.kind == ConfigKind.HOME_IS_FILE:
        hint = _(
            "onlineveilig keeps everything in the folder that ONLINEVEILIG_HOME names: give it "
            "the name of a folder (one that does not exist yet is made), or remove "
            "ONLINEVEILIG_HOME to use the usual places."
        )
    if error.kind == ConfigKind.UNWRITABLE:
        return message, hint, ExitCode.STORE  # as a settings folder without permission was
    return message, hint, ExitCode.CONTENT if error.kind in FILE_KINDS else ExitCode.USAGE
