"""Run the HQ server with uvicorn (`roster server serve`, or `python -m app.server.run`)."""

from __future__ import annotations

import argparse
import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

import uvicorn

from app.server.api import create_app
from app.server.db import ServerDatabase


def configure_logging(log_file: Path | None) -> None:
    """Sync requests are logged to stderr and, if given, to a rotating file."""
    handlers: list[logging.Handler] = [logging.StreamHandler()]
    if log_file is not None:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handlers.append(RotatingFileHandler(log_file, maxBytes=5_000_000, backupCount=3))
    logging.basicConfig(
        level=logging.INFO,
        handlers=handlers,
        format="%(asctime)s %(levelname)s %(name)s %(message)s",
    )


def serve(*, url: str | None, host: str, port: int, log_file: Path | None = None) -> None:
    """Open (and migrate) the HQ database, then serve until interrupted."""
    configure_logging(log_file)
    db = ServerDatabase.open(url)
    logging.getLogger("roster.server").info("serving %s on http://%s:%d", db.engine.url, host, port)
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning", access_log=False)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m app.server.run")
    parser.add_argument("--db", default=None)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--log-file", type=Path, default=None)
    args = parser.parse_args(argv)
    serve(url=args.db, host=args.host, port=args.port, log_file=args.log_file)


if __name__ == "__main__":
    main()
