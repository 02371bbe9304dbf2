"""HTTP API of the HQ server (FastAPI): hello, login, push, pull, rows. Bodies are gzip JSON."""

from __future__ import annotations

import logging
import time
from typing import Annotated, Any, Literal

from fastapi import FastAPI, Header, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field, TypeAdapter, ValidationError
from sqlalchemy import insert

import app
from app.models.db import schema_version
from app.server.auth import AuthError, caller_for, login
from app.server.caller import Caller
from app.server.db import ServerDatabase
from app.server.models import SyncLog
from app.server.pull import pull_page, rows_by_id
from app.server.push import OpIn, apply_batch
from app.server.snapshot import stored_page
from app.sync.tables import PROTOCOL_VERSION
from app.sync.wire import decode, encode

log = logging.getLogger("roster.server")
UUID_PATTERN = r"^[0-9a-fA-F-]{36}$"
#: Oldest laptop schema still allowed to pull (older ones may still push their pending work).
MIN_CLIENT_SCHEMA = 1
MAX_COMPRESSED_BODY = 16 * 1024 * 1024


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


class FieldChange(BaseModel):
    old: Any = None
    new: Any = None


class OpModel(BaseModel):
    op_id: str = Field(pattern=UUID_PATTERN)
    device_seq: int = Field(ge=1)
    client_tx_id: str = Field(pattern=UUID_PATTERN)
    table: str = Field(max_length=40)
    row_id: str = Field(pattern=UUID_PATTERN)
    kind: Literal["insert", "update", "delete", "resolve"]
    base_seq: int = Field(ge=0)
    hlc: str = Field(pattern=r"^\d{13}-\d{5}-[\w-]{1,40}$")
    schema_version: int = Field(ge=1)
    fields: dict[Annotated[str, Field(max_length=60)], FieldChange] = Field(max_length=200)


class PushBody(BaseModel):
    device_id: str = Field(pattern=UUID_PATTERN)
    ops: list[OpModel] = Field(max_length=5000)


class LoginBody(BaseModel):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=200)
    device_id: str = Field(pattern=UUID_PATTERN)
    device_name: str = Field(min_length=1, max_length=120)
    app_version: str | None = Field(default=None, max_length=20)


class RowsBody(BaseModel):
    tables: dict[
        Annotated[str, Field(max_length=40)], list[Annotated[str, Field(pattern=UUID_PATTERN)]]
    ]


def _gzip_json(payload: Any, status: int = 200) -> Response:
    return Response(
        encode(payload),
        status_code=status,
        media_type="application/json",
        headers={"Content-Encoding": "gzip"},
    )


async def _body(request: Request, model: type[BaseModel]) -> Any:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_COMPRESSED_BODY:
        raise ApiError(413, "BODY_TOO_LARGE", "request body too large")
    raw = b""
    async for chunk in request.stream():
        raw += chunk
        if len(raw) > MAX_COMPRESSED_BODY:
            raise ApiError(413, "BODY_TOO_LARGE", "request body too large")
    gzipped = request.headers.get("content-encoding", "").lower() == "gzip"
    try:
        data = decode(raw, compressed=gzipped)
    except ValueError as exc:
        status = 413 if "too large" in str(exc) else 400
        raise ApiError(status, "BAD_BODY", f"unreadable body: {exc}") from None
    except Exception:  # noqa: BLE001 - gzip/JSON garbage of any kind is the client's fault
        raise ApiError(400, "BAD_BODY", "body is not (gzip) JSON") from None
    try:
        return TypeAdapter(model).validate_python(data)
    except ValidationError as exc:
        raise ApiError(422, "INVALID_REQUEST", str(exc.errors()[:3])) from None


def create_app(db: ServerDatabase) -> FastAPI:
    """The FastAPI application serving ``db``."""
    api = FastAPI(title="Roster HQ", version=app.__version__)

    def caller(authorization: str | None) -> Caller:
        if not authorization or not authorization.lower().startswith("bearer "):
            raise AuthError("NO_TOKEN", "missing bearer token")
        return caller_for(db, authorization[7:].strip())

    @api.exception_handler(ApiError)
    async def _api_error(_r: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse({"error": {"code": exc.code, "message": exc.message}}, exc.status)

    @api.exception_handler(AuthError)
    async def _auth_error(_r: Request, exc: AuthError) -> JSONResponse:
        headers = {"Retry-After": str(exc.retry_after)} if exc.retry_after else None
        return JSONResponse(
            {"error": {"code": exc.code, "message": exc.message}}, exc.status, headers=headers
        )

    @api.exception_handler(RequestValidationError)
    async def _invalid(_r: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse(
            {"error": {"code": "INVALID_REQUEST", "message": str(exc.errors()[:3])}}, 422
        )

    @api.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    @api.get("/sync/hello")
    def hello() -> dict[str, Any]:
        return {
            "protocol": PROTOCOL_VERSION,
            "server_epoch": db.epoch(),
            "server_time_ms": int(time.time() * 1000),
            "app_version": app.__version__,
            "current_schema": schema_version(),
            "min_client_schema": MIN_CLIENT_SCHEMA,
            "max_client_schema": schema_version(),
            "features": ["gzip", "rows"],
        }

    @api.post("/auth/login")
    async def auth_login(request: Request) -> Response:
        body: LoginBody = await _body(request, LoginBody)
        result = await run_in_threadpool(
            login,
            db,
            username=body.username,
            password=body.password,
            device_id=body.device_id,
            device_name=body.device_name,
            app_version=body.app_version,
        )
        return _gzip_json(
            {
                "token": result.token,
                "expires_at": result.expires_at.isoformat(),
                "user": result.user,
                "district": result.district,
                "server_epoch": db.epoch(),
            }
        )

    @api.post("/sync/push")
    async def push(
        request: Request, authorization: Annotated[str | None, Header()] = None
    ) -> Response:
        who = await run_in_threadpool(caller, authorization)
        body: PushBody = await _body(request, PushBody)
        if body.device_id != who.device_id:
            raise ApiError(403, "WRONG_DEVICE", "the token belongs to another laptop")
        ops = [
            OpIn(
                o.op_id,
                o.device_seq,
                o.client_tx_id,
                o.table,
                o.row_id,
                o.kind,
                o.base_seq,
                o.hlc,
                {k: v.model_dump() for k, v in o.fields.items()},
            )
            for o in body.ops
        ]
        started = time.perf_counter()
        results = await run_in_threadpool(apply_batch, db, who, ops)
        _log(db, who, "push", started, ops=len(ops), results=results)
        return _gzip_json({"results": results, "server_time_ms": int(time.time() * 1000)})

    @api.get("/sync/pull")
    async def pull(
        cursor: Annotated[int, Query(ge=0)] = 0,
        limit: Annotated[int, Query(ge=1, le=10_000)] = 2000,
        epoch: str | None = None,
        schema: Annotated[int, Query(ge=0)] = 0,
        authorization: Annotated[str | None, Header()] = None,
    ) -> Response:
        who = await run_in_threadpool(caller, authorization)
        if schema and schema < MIN_CLIENT_SCHEMA:
            raise ApiError(
                409, "UPGRADE_REQUIRED", "update Roster on this laptop to download changes"
            )
        if epoch and epoch != db.epoch():
            raise ApiError(409, "MUST_RESET", "HQ was restored from a backup: download again")
        started = time.perf_counter()

        def stored() -> bytes | None:
            with db.engine.connect() as conn:
                return stored_page(conn, who, cursor)

        body = await run_in_threadpool(stored)
        if body is not None:  # a first download served from the district snapshot
            _log(db, who, "pull", started, cursor_from=cursor, bytes_out=len(body))
            return Response(
                body, media_type="application/json", headers={"Content-Encoding": "gzip"}
            )

        def page() -> dict[str, Any]:
            with db.engine.connect() as conn:
                return pull_page(conn, who, cursor=cursor, limit=limit)

        result = await run_in_threadpool(page)
        response = _gzip_json({**result, "server_time_ms": int(time.time() * 1000)})
        rows = sum(len(t["rows"]) for t in result["tables"].values())
        _log(
            db,
            who,
            "pull",
            started,
            rows=rows,
            cursor_from=cursor,
            cursor_to=result["next_cursor"],
            bytes_out=len(response.body),
        )
        return response

    @api.post("/sync/rows")
    async def rows(
        request: Request, authorization: Annotated[str | None, Header()] = None
    ) -> Response:
        who = await run_in_threadpool(caller, authorization)
        body: RowsBody = await _body(request, RowsBody)

        def fetch() -> dict[str, Any]:
            with db.engine.connect() as conn:
                return rows_by_id(conn, who, body.tables)

        return _gzip_json({"tables": await run_in_threadpool(fetch)})

    return api


def _log(
    db: ServerDatabase,
    who: Caller,
    kind: str,
    started: float,
    *,
    ops: int = 0,
    results: list[dict[str, Any]] | None = None,
    rows: int = 0,
    cursor_from: int | None = None,
    cursor_to: int | None = None,
    bytes_out: int = 0,
) -> None:
    statuses = [r["status"] for r in results or []]
    entry = {
        "device_id": who.device_id,
        "user_id": who.user_id,
        "kind": kind,
        "duration_ms": int((time.perf_counter() - started) * 1000),
        "ops": ops,
        "applied": sum(s.startswith("applied") for s in statuses),
        "conflicts": statuses.count("conflict"),
        "rejected": statuses.count("rejected"),
        "rows": rows,
        "cursor_from": cursor_from,
        "cursor_to": cursor_to,
        "bytes_out": bytes_out,
    }
    log.info("%s %s", kind, entry)
    with db.write_session() as s, s.begin():
        s.execute(insert(SyncLog).values(**entry))
