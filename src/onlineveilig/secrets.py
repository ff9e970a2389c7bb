"""Search API keys: from an environment variable, else from the system's keyring.

Never from or into a settings file, a report or the output. keyring is imported only when a key
is needed (it is slow to load and to find its backend).
"""

from __future__ import annotations

import os
from typing import Literal

from onlineveilig.errors import SecretError, SecretKind

SERVICE = "onlineveilig"
NEEDS_KEY = ("brave",)
Source = Literal["env", "keyring"]


def env_var(provider: str) -> str:
    return f"ONLINEVEILIG_{provider.upper()}_KEY"


def get(provider: str) -> tuple[str, Source] | None:
    """The key and where it came from; None when there is none. SecretError: keyring unusable
    (only when no environment variable is set)."""
    value = os.environ.get(env_var(provider), "").strip()
    if value:
        return value, "env"
    import keyring
    import keyring.errors

    try:
        stored = keyring.get_password(SERVICE, provider)
    except keyring.errors.NoKeyringError as err:
        raise SecretError(SecretKind.NO_KEYRING, str(err)) from None
    except keyring.errors.KeyringError as err:
        raise SecretError(SecretKind.FAILED, str(err)) from None
    except Exception as err:  # backends raise their own errors (D-Bus, Secret Service locked)
        raise SecretError(SecretKind.FAILED, f"{type(err).__name__}: {err}") from None
    return (stored.strip(), "keyring") if stored and stored.strip() else None


def in_keyring(provider: str) -> bool:
    """Whether the keyring holds a key for this provider (False when it cannot be used)."""
    import keyring

    try:
        return bool(keyring.get_password(SERVICE, provider))
    except Exception:
        return False


def check_keyring() -> None:
    """SecretError (NO_KEYRING) when this computer has no keyring to keep a key in: said before
    the user pastes a key, not after."""
    import keyring
    from keyring.backends import fail

    try:
        backend = keyring.get_keyring()
    except Exception as err:
        raise SecretError(SecretKind.FAILED, f"{type(err).__name__}: {err}") from None
    if isinstance(backend, fail.Keyring):
        raise SecretError(SecretKind.NO_KEYRING, "")


def put(provider: str, value: str) -> None:
    import keyring
    import keyring.errors

    try:
        keyring.set_password(SERVICE, provider, value)
    except keyring.errors.NoKeyringError as err:
        raise SecretError(SecretKind.NO_KEYRING, str(err)) from None
    except Exception as err:
        raise SecretError(SecretKind.FAILED, f"{type(err).__name__}: {err}") from None


def delete(provider: str) -> bool:
    """Remove the stored key; False when there was none."""
    import keyring
    import keyring.errors

    try:
        keyring.delete_password(SERVICE, provider)
    except keyring.errors.PasswordDeleteError:
        return False
    except keyring.errors.NoKeyringError as err:
        raise SecretError(SecretKind.NO_KEYRING, str(err)) from None
    except Exception as err:
        raise SecretError(SecretKind.FAILED, f"{type(err).__name__}: {err}") from None
    return True


def valid(value: str) -> bool:
    """A key is one word of printable characters (a paste with a space or newline is not)."""
    return (
        bool(value)
        and all(ch.isprintable() and not ch.isspace() for ch in value)
        and len(value) <= 200
    )
