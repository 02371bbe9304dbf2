"""Roster entry point: `python main.py` is the same program as the `roster` console script."""

from app.cli.main import main

if __name__ == "__main__":
    raise SystemExit(main())
