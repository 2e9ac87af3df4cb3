"""The key that signs the session and learner cookies: QUIZGEN_SECRET_KEY, or else one made at the first start
and kept in a file beside the database, readable by its owner only, and read again at every later start.

Anyone who knows the key can sign a cookie saying they are any teacher, so there is no built-in key, a key
known to be public is refused, and `quizgen serve` refuses a short key when it listens beyond this machine.
"""

from __future__ import annotations

import ipaddress
import logging
import os
import secrets
import stat
import tempfile
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from quizgen.errors import QuizgenError
from quizgen.settings import Settings

MIN_LENGTH = 32
# the built-in key of earlier versions: it is in the source, so it signs nothing
PUBLIC_KEYS = frozenset({"change-me-in-production"})
KEY_FILE = "quizgen.secret"  # in the data directory, for a database that is not a SQLite file
log = logging.getLogger("quizgen.web")


class SecretKeyError(QuizgenError):
    """No usable key: the message says what to do."""


def key_file(settings: Settings) -> Path:
    """Where the generated key lives: beside a SQLite database file, else in the data directory."""
    try:
        url = make_url(settings.database_url)
    except ArgumentError:
        url = None
    database = url.database if url is not None and url.get_backend_name() == "sqlite" else None
    if database and database != ":memory:" and not database.startswith("file:"):
        path = Path(database)
        return path.with_name(path.name + ".secret")
    return settings.data_dir / KEY_FILE


def weakness(key: str) -> str | None:
    """Why a key is too weak to trust beyond this machine, or None."""
    if key in PUBLIC_KEYS:
        return "is the old built-in default, which anyone can read in the source"
    if len(key) < MIN_LENGTH:
        return f"is shorter than {MIN_LENGTH} characters"
    return None


def secret_key(settings: Settings) -> str:
    """The configured key, or the generated one (made now if there is none yet)."""
    if settings.secret_key:
        if settings.secret_key in PUBLIC_KEYS:
            raise SecretKeyError(f"QUIZGEN_SECRET_KEY {weakness(settings.secret_key)}: set a long random value "
                                 f"or unset it to use a generated key")
        if weakness(settings.secret_key):
            log.warning("QUIZGEN_SECRET_KEY %s: use a long random value before anyone else can reach this app",
                        weakness(settings.secret_key))
        return settings.secret_key
    return load_or_create(key_file(settings))


def load_or_create(path: Path) -> str:
    """The key in `path`, written first if the file does not exist. The file appears whole or not at all
    (written under another name, then hard-linked into place, which fails if it exists), so workers starting
    at once all end up reading the one key that was linked first."""
    try:
        return _read(path)
    except FileNotFoundError:
        pass
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")  # mode 0600
        try:
            with os.fdopen(fd, "w") as f:
                f.write(secrets.token_urlsafe(48) + "\n")
                f.flush()
                os.fsync(f.fileno())
            try:
                os.link(tmp, path)
            except FileExistsError:
                pass  # another worker was first: use its key
        finally:
            os.unlink(tmp)
    except OSError as exc:
        raise SecretKeyError(f"cannot write the secret key file {path} ({exc.strerror}): set QUIZGEN_SECRET_KEY, "
                             f"or QUIZGEN_DATA_DIR to a folder this user can write") from None
    return _read(path)


def _read(path: Path) -> str:
    try:
        key = path.read_text(encoding="utf-8").strip()
    except (UnicodeDecodeError, IsADirectoryError, PermissionError) as exc:
        raise SecretKeyError(f"cannot read the secret key file {path} ({exc}): remove it to make a new one") from None
    if weakness(key):
        raise SecretKeyError(f"the secret key in {path} {weakness(key)}: remove the file to make a new one")
    if path.stat().st_mode & (stat.S_IRWXG | stat.S_IRWXO):
        log.warning("the secret key file %s can be read by other users: chmod 600 it", path)
    return key


def is_loopback(host: str) -> bool:
    """Whether listening on `host` keeps the app to this machine."""
    if host.strip("[]").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a name: it may resolve to any interface


def check_for_host(key: str, host: str) -> None:
    """Refuse a weak key for a server that others can reach."""
    reason = weakness(key)
    if reason and not is_loopback(host):
        raise SecretKeyError(f"QUIZGEN_SECRET_KEY {reason}, too weak to serve on {host}: set it to at least "
                             f"{MIN_LENGTH} random characters, or unset it to use a generated key")
