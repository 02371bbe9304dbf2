"""``roster``: parser assembly, dispatch, error reporting and exit codes.

Exit codes: 0 success, 2 bad input or a refused action (one line on stderr, and a JSON
``{"error": ...}`` object on stdout with ``--json``), 1 an unexpected failure (one line on
stderr; the traceback goes to ``<data dir>/logs/roster.log``), 130 interrupted.

Subcommands live in the modules listed in ``COMMAND_MODULES``; each exposes
``register(subparsers)`` and adds its commands with ``common.add_command``.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence
from logging.handlers import RotatingFileHandler
from pathlib import Path

from app.cli.common import RosterArgumentParser, Runtime, UsageError, add_global_options
from app.cli.output import print_json
from app.errors import AppError, ValidationFailed

PROG = "roster"
#: Modules contributing subcommands, in the order ``roster --help`` lists them.
COMMAND_MODULES: tuple[str, ...] = (
    "app.cli.gui_cmd",
    "app.cli.user_cmds",
    "app.cli.household_cmds",
    "app.cli.lookup_cmds",
    "app.cli.demo_cmd",
    "app.cli.db_cmds",
    "app.cli.sync_cmds",
    "app.cli.server_cmds",
    "app.cli.grievance_cmds",
    "app.cli.case_cmds",
    "app.cli.compliance_cmds",
    "app.cli.payment_cmds",
    "app.cli.print_cmds",
    "app.cli.request_cmds",
    "app.cli.recert_cmds",
    "app.cli.import_cmds",
)
LOG_NAME = "roster.log"

log = logging.getLogger("app.cli")


def build_parser() -> argparse.ArgumentParser:
    """The whole command tree."""
    parser = RosterArgumentParser(
        prog=PROG,
        description="Roster: offline-first MIS for social protection programmes. "
        "Without a command, opens the desktop app.",
        epilog="Run 'roster COMMAND --help' for a command's options.",
    )
    add_global_options(parser, top_level=True)
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND", dest="command")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``roster`` with ``argv`` (default: the process arguments); returns the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    json_mode = "--json" in args_list
    try:
        args = build_parser().parse_args(args_list)
    except SystemExit as exc:  # --help
        return exc.code if isinstance(exc.code, int) else 0
    except UsageError as exc:
        return report_error(exc, json_mode=json_mode)
    if getattr(args, "handler", None) is None:  # no command: the desktop app
        from app.cli.gui_cmd import run_gui_command

        args.handler, args.smoke_test, args.own_logging = run_gui_command, False, True
    runtime = Runtime(args)
    log_file = LogFile(runtime.data_dir)
    if not getattr(args, "own_logging", False):
        log_file.start()
    try:
        result = args.handler(runtime)
        return 0 if result is None else int(result)
    except AppError as exc:
        log.info("refused: %s (%s)", exc.message, exc.code)
        return report_error(exc, json_mode=runtime.json)
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        return report_crash(exc, json_mode=runtime.json, log_file=log_file)
    finally:
        runtime.close()
        log_file.stop()


def describe(exc: AppError) -> str:
    """The one-line text of a refusal (field and code for validation errors)."""
    if isinstance(exc, ValidationFailed):
        line = "invalid input: " + "; ".join(e.describe() for e in exc.errors)
    elif isinstance(exc, UsageError):
        line = f"error: {exc.message}"
    else:
        line = f"error: {exc.message} [{exc.code}]"
    return " ".join(line.split())  # one line, whatever the message held


def report_error(exc: AppError, *, json_mode: bool) -> int:
    """Print a refusal (stderr line, plus a JSON object on stdout with --json); exit code 2."""
    if json_mode:
        fields = [
            {"field": e.field, "code": e.code, "params": e.params}
            for e in getattr(exc, "errors", [])
        ]
        print_json({"error": {"code": exc.code, "message": exc.message, "fields": fields}})
    print(f"{PROG}: {describe(exc)}", file=sys.stderr)
    return 2


def report_crash(exc: Exception, *, json_mode: bool, log_file: LogFile) -> int:
    """An unexpected failure: one line for the person, the traceback for the log file."""
    if log_file.handler is None:
        log_file.start(create=True)
    log.error("internal error running roster %s", sys.argv[1:], exc_info=exc)
    summary = " ".join(f"{type(exc).__name__}: {exc}".split())
    if len(summary) > 300:
        summary = summary[:299] + "…"
    where = f"details in {log_file.path}" if log_file.handler else "no log file could be written"
    if json_mode:
        print_json({"error": {"code": "INTERNAL_ERROR", "message": summary, "fields": []}})
    print(f"{PROG}: internal error: {summary} ({where})", file=sys.stderr)
    return 1


def _not_chatter(record: logging.LogRecord) -> bool:
    # Alembic announces its context at INFO on every open; keep only the migrations it runs.
    if record.name.startswith("alembic") and record.levelno < logging.WARNING:
        return record.getMessage().startswith("Running")
    return True


class LogFile:
    """INFO and above to ``<data_dir>/logs/roster.log`` (rotated) while one command runs."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / "logs" / LOG_NAME
        self.handler: logging.Handler | None = None
        self._root_level = logging.NOTSET

    def start(self, *, create: bool = False) -> None:
        """Attach the handler; the folder is created only for an existing data directory (or
        when ``create``), so a mistyped ``--data-dir`` leaves nothing behind."""
        try:
            if not create and not self.path.parent.parent.is_dir():
                return
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handler = RotatingFileHandler(
                self.path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
            )
        except OSError:
            return
        handler.setLevel(logging.INFO)
        handler.addFilter(_not_chatter)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root = logging.getLogger()
        self._root_level = root.level
        if root.level == logging.NOTSET or root.level > logging.INFO:
            root.setLevel(logging.INFO)
        root.addHandler(handler)
        self.handler = handler

    def stop(self) -> None:
        if self.handler is None:
            return
        root = logging.getLogger()
        root.removeHandler(self.handler)
        root.setLevel(self._root_level)
        self.handler.close()
        self.handler = None


if __name__ == "__main__":
    raise SystemExit(main())
