"""An output file (onlineveilig report/reminder/afspraken -o) that could not be written, in plain words.

ui/errors.py's explain() hands OutputError (see onlineveilig.outfile) to this module.
"""

from __future__ import annotations

from onlineveilig.errors import ExitCode
from onlineveilig.i18n import _
from onlineveilig.outfile import OutputError
from onlineveilig.ui.oserrors import os_reason


def explain_output(error: OutputError) -> tuple[str, str, ExitCode]:
    """An output file (-o) that could not be written: why, and what to do instead."""
    # Never the system's own (English) words: ui/oserrors.py puts its reason in the user's language.
    reason = os_reason(error.os_error) if error.os_error is not None else _("the system refused")
    v = {"path": error.path, "folder": error.folder, "reason": reason}
    texts: dict[str, tuple[str, str]] = {
        "no-permission": (
            _("Could not write %(path)s: you may not write in the folder %(folder)s."),
            _("Choose a folder of your own, for example your Documents folder."),
        ),
        "read-only": (
            _("Could not write %(path)s: that disk can only be read, not written to."),
            _("Choose a place on another disk, for example your Documents folder."),
        ),
        "disk-full": (
            _("Could not write %(path)s: the disk is full."),
            _(
                "Make some room on the disk, or choose a place on another disk. Nothing was written."
            ),
        ),
        "is-folder": (
            _("Could not write %(path)s: that is a folder."),
            _("Give the name of a file, or of a folder to put the file in."),
        ),
        "not-a-file": (
            _("Could not write %(path)s: that is not a regular file."),
            _("Choose a file name, for example one in your Documents folder."),
        ),
        "cannot-write-here": (
            _("Could not write %(path)s: you cannot write in the folder %(folder)s."),
            _("Choose a folder of your own, for example your Documents folder."),
        ),
        "not-a-folder": (
            _("Could not write %(path)s: %(folder)s is a file, not a folder."),
            _("Choose another place for the file."),
        ),
        "no-folder": (
            _("Could not write %(path)s: the folder %(folder)s does not exist and cannot be made."),
            _("Check the name of the folder, or choose another one."),
        ),
    }
    message, hint = texts.get(
        error.kind,
        (_("Could not write %(path)s: %(reason)s."), _("Choose another place for the file.")),
    )
    return message % v, hint, ExitCode.USAGE
