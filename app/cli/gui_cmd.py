"""``roster gui``: the desktop app (also what ``roster`` with no command opens)."""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from app.cli.common import Runtime, add_command
from app.errors import AppError

RunGui = Callable[..., int]


def register(subparsers: Any) -> None:
    parser = add_command(
        subparsers,
        "gui",
        run_gui_command,
        help="open the desktop app (the default when no command is given)",
    )
    parser.set_defaults(own_logging=True)  # the desktop app sets up the same log file itself
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="open the main window offscreen, check it and exit (0 if it works)",
    )


def _load_run_gui() -> RunGui:
    # Imported here, never at module level: the core and the other commands run without Qt.
    try:
        module = importlib.import_module("app.ui.app")
    except ImportError as exc:
        raise AppError(
            f"the desktop app cannot start here ({exc}); the command-line commands still work",
            code="GUI_UNAVAILABLE",
        ) from None
    return cast(RunGui, module.run_gui)


def _check_display(smoke_test: bool) -> None:
    # Without a display Qt aborts the process (no message, a core dump): say why instead.
    if smoke_test or not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        raise AppError(
            "no graphical display to open the desktop app on; use the commands instead "
            "(roster --help)",
            code="NO_DISPLAY",
        )


def run_gui_command(rt: Runtime) -> int:
    smoke_test = bool(getattr(rt.args, "smoke_test", False))
    _check_display(smoke_test)
    run_gui = _load_run_gui()
    data_dir: Path = rt.data_dir
    return int(run_gui(data_dir=data_dir, smoke_test=smoke_test))
