"""Layering rules: the core never imports PySide6; nothing imports the UI but the entry points."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI_ALLOWED = {ROOT / "main.py"}


def _imports(path: Path) -> list[tuple[int, str, bool]]:
    """(line, module, at module level) for every import in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    top_level = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name, id(node) in top_level) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.lineno, node.module, id(node) in top_level))
    return found


def _core_files() -> list[Path]:
    files = [p for p in (ROOT / "app").rglob("*.py") if "ui" not in p.relative_to(ROOT).parts[1:2]]
    return files


def test_nothing_outside_ui_imports_pyside6() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{line} imports {module}"
        for path in _core_files()
        for line, module, _ in _imports(path)
        if module.split(".")[0] in {"PySide6", "shiboken6"}
    ]
    assert offenders == []


def test_core_imports_ui_only_lazily_from_the_cli() -> None:
    offenders = []
    for path in _core_files():
        for line, module, top in _imports(path):
            if module.startswith("app.ui"):
                lazy_cli = path.is_relative_to(ROOT / "app" / "cli") and not top
                if not lazy_cli:
                    offenders.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    assert offenders == []


def test_the_check_itself_catches_an_offender(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtCore import QObject\n")
    assert _imports(bad) == [(1, "PySide6.QtCore", True)]


def test_core_runs_headless() -> None:
    import subprocess
    import sys

    code = (
        "import sys, app.models, app.services.households, app.services.search, "
        "app.cli.main; assert not any(m.startswith('PySide6') for m in sys.modules)"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
