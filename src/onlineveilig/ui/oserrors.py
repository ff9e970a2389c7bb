"""Why the system refused to read or write a file, in the user's language (never its English text).

The one home for showing an OSError: every message that names a file the system refused
("Could not use %(path)s: %(reason)s") takes its reason from os_reason().
"""

from __future__ import annotations

import errno

from onlineveilig.i18n import _


def _reasons() -> dict[int, str]:
    reasons = {
        errno.ENOENT: _("the file or folder does not exist"),
        errno.EACCES: _("you do not have permission for it"),
        errno.EPERM: _("you do not have permission for it"),
        errno.EROFS: _("that disk can only be read, not written to"),
        errno.ENOSPC: _("the disk is full"),
        errno.EISDIR: _("that is a folder, not a file"),
        errno.ENOTDIR: _("part of the path is a file, not a folder"),
        errno.EEXIST: _("something with that name already exists"),
        errno.EBUSY: _("it is in use by another program"),
        errno.ENAMETOOLONG: _("the name is too long"),
        errno.ELOOP: _("the path keeps pointing back to itself (too many links)"),
        errno.EIO: _("the disk could not be read or written (is it still connected?)"),
    }
    quota = getattr(errno, "EDQUOT", None)  # not on every system
    if quota is not None:
        reasons[quota] = _("you have used all the room you are allowed on that disk")
    return reasons


def os_reason(exc: OSError) -> str:
    """Plain words for why the system refused (lowercase, no full stop: it ends a sentence)."""
    code = exc.errno
    if code is None:
        return _("the system refused")
    return _reasons().get(code) or _("the system refused (error %(number)d)") % {"number": code}
