"""Typed helpers that read settings from the environment."""

import os

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str | None = None) -> str | None:
    return os.environ.get(name, default)


def env_secret(name: str, default: str | None = None) -> str | None:
    """A secret from NAME, or from the file named by NAME_FILE (container and systemd secrets).

    Setting both is refused: which one wins would be a guess.
    """
    path = os.environ.get(f"{name}_FILE")
    if path:
        if os.environ.get(name):
            raise ImproperlyConfigured(f"Set {name} or {name}_FILE, not both.")
        try:
            with open(path, encoding="utf-8") as handle:
                return handle.read().strip()
        except OSError as exc:
            raise ImproperlyConfigured(f"{name}_FILE: cannot read {path}: {exc.strerror}") from exc
    return os.environ.get(name, default)


def env_required(name: str) -> str:
    value = env_secret(name)
    if not value:
        raise ImproperlyConfigured(
            f"The environment variable {name} (or {name}_FILE) must be set."
        )
    return value


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    value = value.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}.") from exc


def env_list(name: str, default: list[str] | None = None, *, secret: bool = False) -> list[str]:
    value = env_secret(name) if secret else os.environ.get(name)
    if value is None:
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]
