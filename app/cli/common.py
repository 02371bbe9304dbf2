"""What every command shares: global options, the data directory, the acting user, passwords."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.errors import AppError, AuthenticationFailed, NotFound
from app.models.db import DB_FILENAME, Database
from app.services.auth import context_for
from app.services.context import ServiceContext

PASSWORD_ENV = "ROSTER_PASSWORD"
DATA_DIR_ENV = "ROSTER_DATA_DIR"

#: A command's handler; returns the exit code (None means 0).
Handler = Callable[["Runtime"], int | None]


class UsageError(AppError):
    """The command line itself is wrong (unknown option, malformed value...)."""

    code = "USAGE"


def default_data_dir() -> Path:
    """``$ROSTER_DATA_DIR``, else the per-user data folder (``~/.local/share/roster`` on Linux)."""
    configured = os.environ.get(DATA_DIR_ENV)
    if configured:
        return Path(configured).expanduser()
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "Roster"
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg) if xdg else Path.home() / ".local" / "share"
    return base / "roster"


class RosterArgumentParser(argparse.ArgumentParser):
    """An argument parser whose errors are one line (raised, then reported like any bad input)."""

    def error(self, message: str) -> Any:  # argparse declares NoReturn; raising satisfies it
        raise UsageError(f"{message} (see '{self.prog} --help')")


def add_global_options(parser: argparse.ArgumentParser, *, top_level: bool) -> None:
    """``--data-dir``, ``--json`` and ``--user``, accepted before or after the subcommand.

    On subcommands the defaults are suppressed so a value given before the subcommand is not
    overwritten by the subcommand's default.
    """
    default: Any = None if top_level else argparse.SUPPRESS
    group = parser.add_argument_group("global options")
    group.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help=f"data directory (default: ${DATA_DIR_ENV}, else {default_data_dir()})",
    )
    group.add_argument(
        "--json",
        action="store_true",
        default=False if top_level else argparse.SUPPRESS,
        help="machine-readable output: JSON on stdout (errors too)",
    )
    group.add_argument(
        "--user",
        metavar="NAME",
        default=default,
        help=f"act as this local user instead of the signed-in one (password from "
        f"${PASSWORD_ENV}, else standard input when it is not a terminal, else a prompt)",
    )


def add_command(
    subparsers: Any, name: str, handler: Handler, *, help: str, description: str | None = None
) -> argparse.ArgumentParser:
    """Add a subcommand that takes the global options and runs ``handler``."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        name, help=help, description=description or help
    )
    add_global_options(parser, top_level=False)
    parser.set_defaults(handler=handler)
    return parser


def add_group(subparsers: Any, name: str, *, help: str) -> Any:
    """Add a command group (``roster household ...``); returns its subparsers."""
    parser: argparse.ArgumentParser = subparsers.add_parser(name, help=help, description=help)
    add_global_options(parser, top_level=False)
    group = parser.add_subparsers(title="commands", metavar="COMMAND", dest=f"{name}_command")
    group.required = True
    return group


def code_arg(raw: str) -> str:
    """A reference-data code (village, programme, service point) as typed: any case."""
    return raw.strip().upper()


def read_password(prompt: str) -> str:
    """A password from ``$ROSTER_PASSWORD``, else stdin when piped, else an echo-free prompt.

    Never from the command line: argv is visible to every user of the machine.
    """
    from_env = os.environ.get(PASSWORD_ENV)
    if from_env:
        return from_env
    if sys.stdin is None or not sys.stdin.isatty():
        line = sys.stdin.readline() if sys.stdin is not None else ""
        password = line.rstrip("\r\n")
    else:
        try:
            password = getpass.getpass(prompt)
        except EOFError:  # Ctrl-D at the prompt
            password = ""
    if not password:
        raise AuthenticationFailed("no password given", code="PASSWORD_REQUIRED")
    return password


class Runtime:
    """One invocation: parsed options, the data directory, the database and acting user."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        raw = getattr(args, "data_dir", None)
        self.data_dir = Path(raw).expanduser() if raw else default_data_dir()
        self.json = bool(getattr(args, "json", False))
        self.username: str | None = getattr(args, "user", None)
        self._db: Database | None = None
        self._ctx: ServiceContext | None = None

    @property
    def db_path(self) -> Path:
        return self.data_dir / DB_FILENAME

    def db(self, *, create: bool = False) -> Database:
        """The data directory's database, migrated to the current schema (opened once)."""
        if self._db is None:
            if not create and not self.db_path.exists():
                raise NotFound(
                    f"no Roster database in {self.data_dir} (create one with 'roster demo', "
                    "or choose another --data-dir)",
                    code="NO_DATABASE",
                )
            self._db = Database.open(self.data_dir, progress=self.note)
        return self._db

    def context(self) -> ServiceContext:
        """A service context for ``--user`` (password checked) or the signed-in user."""
        if self._ctx is None:
            db = self.db()
            if self.username:
                password = read_password(f"Password for {self.username}: ")
                self._ctx = context_for(db, username=self.username, password=password)
            else:
                try:
                    self._ctx = context_for(db)
                except NotFound as exc:
                    raise NotFound(
                        f"nobody is signed in on {self.data_dir}; run 'roster login --username "
                        "NAME' or pass --user NAME",
                        code=exc.code,
                    ) from None
        return self._ctx

    def note(self, message: str) -> None:
        """A progress or advisory line for a person: stderr, never mixed into the output."""
        print(message, file=sys.stderr)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def parse_assignments(pairs: list[str], *, aliases: dict[str, str] | None = None) -> dict[str, str]:
    """``["phone=+22177...", "address=Near the well"]`` as a dict (``FIELD=`` clears a field).

    Field names are case-insensitive and may use dashes; ``aliases`` maps short names.
    """
    changes: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        key = name.strip().lower().replace("-", "_")
        if not sep or not key:
            raise UsageError(f"--set expects FIELD=VALUE, got {pair!r}")
        key = (aliases or {}).get(key, key)
        if key in changes:
            raise UsageError(f"--set gives {key} twice")
        changes[key] = value.strip()
    return changes
