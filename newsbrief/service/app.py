"""The FastAPI application of ``newsbrief serve``: a JSON API under /api/ and
a web reader of server-rendered pages, over one analyser and, optionally, a
store.

* Analyses run in ``Analyzer``'s pool (worker processes by default), never on
  the event loop; store queries run in FastAPI's thread pool, each thread with
  its own read-only SQLite connection (WAL: readers never wait for the writer).
* Every error the user can cause is a ``NewsbriefError`` with a code; one
  exception handler turns it into a 4xx answer (JSON under /api/, a page
  elsewhere) with that code and one line of message.
* Every page is sent with a Content-Security-Policy that allows scripts from
  this server's /static/ only: nothing inline, nothing from elsewhere.
"""

from __future__ import annotations

import json
import logging
import os
import re
import threading
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import date
from importlib import metadata
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

from fastapi import FastAPI, File, Form, Query, Request, Response, UploadFile
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup
from pydantic import BaseModel, ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import Errors, InputError, NewsbriefError, SetupError
from ..ingest import decode_bytes
from ..model import ATTRIBUTION_TYPES, SCHEMA, AttributionType, Brief
from ..render import STATIC, environment, render_html
from ..settings import Settings
from ..store import queries
from ..verify import MAX_CLAIM_CHARS
from . import charts
from .analysis import Analyzer, ExecutorKind, Job
from .schemas import (
    AnalyzeRequest,
    ArticlePage,
    BriefModel,
    EntityPage,
    ErrorModel,
    HealthModel,
    QuotePage,
    SpeakerDetail,
    SpeakerPage,
    StatsModel,
    VerifyModel,
)

log = logging.getLogger("newsbrief.serve")

# HTTP status of each error code; the rest: InputError 422, SetupError 503.
STATUS: dict[str, int] = {
    "E002": 415,
    "E003": 413,
    "E004": 404,
    "E006": 503,
    "E013": 503,
    "E040": 413,
    "E041": 415,
    "E043": 404,
    "E044": 404,
    "E047": 503,
    "E048": 500,
}

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
# Swagger UI sets styles on its elements: /docs alone allows inline styles (never inline script).
CSP_DOCS = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")

_SURROGATE = re.compile("[\ud800-\udfff]")
MAX_PAGE = 500
CACHE_SIZE = 1024  # answers kept per store state
T = TypeVar("T")
MAX_OFFSET = 10**9
MAX_ID = 2**62

ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorModel, "description": "Not found (E043), or no store (E044)."},
    422: {"model": ErrorModel, "description": "A bad parameter (E042) or search query (E014)."},
}
ANALYZE_RESPONSES: dict[int | str, dict[str, Any]] = {
    413: {"model": ErrorModel, "description": "The body or the text is over the size limit (E040, E003)."},
    415: {"model": ErrorModel, "description": "An unsupported content type (E041), or binary content (E002)."},
    422: {"model": ErrorModel, "description": "A bad body (E042), an unusable text (E001, E007, E010...)."},
    503: {"model": ErrorModel, "description": "Too many analyses queued (E047)."},
}


# Parameters the corpus routes share (module level: FastAPI resolves the annotations here).
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]
Since = Annotated[date | None, Query(description="Articles dated on or after (YYYY-MM-DD).")]
Until = Annotated[date | None, Query(description="Articles dated on or before (YYYY-MM-DD).")]
Text = Annotated[str | None, Query(max_length=500)]
Kinds = Annotated[list[Literal["direct", "partial", "indirect"]], Query(description="Repeatable.")]
Types = Annotated[list[AttributionType], Query(description="Repeatable.")]
ItemId = Annotated[int, PathParam(ge=1, le=MAX_ID)]
CountDuplicates = Annotated[
    bool, Query(description="Count every copy of a near-duplicate article and of its statements, not each story once.")
]


def status_of(exc: NewsbriefError) -> int:
    if exc.code in STATUS:
        return STATUS[exc.code]
    return 503 if isinstance(exc, SetupError) else 422


def _bad(detail: str, source: str = "request") -> InputError:
    return InputError(Errors.E042, source=source, detail=detail)


class ServiceState:
    """What the routes share: settings, the analyser, the store's path and
    one read-only connection per thread."""

    def __init__(self, db: str | None, settings: Settings, analyzer: Analyzer, max_body: int) -> None:
        self.db = db
        self.settings = settings
        self.analyzer = analyzer
        self.max_body = max_body
        self._local = threading.local()
        self._write_lock = threading.Lock()
        self._cache: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
        self._cache_lock = threading.Lock()
        self._cache_token: tuple[int, ...] | None = None
        self._inflight: dict[tuple[Any, ...], threading.Lock] = {}

    def conn(self) -> Any:
        """This thread's read-only connection to the store. RAISES E044 without one."""
        if self.db is None:
            raise InputError(Errors.E044, source="request")
        store = getattr(self._local, "store", None)
        if store is None:
            from ..store import Store

            store = self._local.store = Store(self.db, readonly=True)
        return store.conn

    def _token(self) -> tuple[int, ...]:
        # Any commit to the store changes the WAL file (or the database file):
        # a cheap sign that cached answers are stale, whoever wrote.
        assert self.db is not None
        out: list[int] = []
        for suffix in ("", "-wal"):
            try:
                st = os.stat(self.db + suffix)
                out += [st.st_mtime_ns, st.st_size]
            except OSError:
                out += [0, 0]
        return tuple(out)

    def cached(self, key: tuple[Any, ...], compute: Callable[[], T]) -> T:
        """The answer to a store query, kept until the store changes.

        Corpus aggregates (speaker rankings, counts) cost tens of milliseconds
        over a whole store; readers ask the same ones again and again."""
        if self.db is None:
            raise InputError(Errors.E044, source="request")
        token = self._token()
        with self._cache_lock:
            if token != self._cache_token:
                self._cache.clear()
                self._cache_token = token
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
            # One computation per key at a time: clients asking the same thing
            # together (a page just published) wait for it rather than repeat it.
            flight = self._inflight.setdefault((token, key), threading.Lock())
        with flight:
            with self._cache_lock:
                if token == self._cache_token and key in self._cache:
                    return self._cache[key]
            try:
                value = compute()
            finally:
                with self._cache_lock:
                    self._inflight.pop((token, key), None)
            with self._cache_lock:
                if token == self._cache_token:
                    self._cache[key] = value
                    while len(self._cache) > CACHE_SIZE:
                        self._cache.popitem(last=False)
        return value

    def query(self, function: str, /, *args: Any, **kwargs: Any) -> Any:
        """``newsbrief.store.queries.<function>`` on this thread's connection, cached."""
        key = (function, args, tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in kwargs.items())))
        return self.cached(key, lambda: getattr(queries, function)(self.conn(), *args, **kwargs))

    def warm_up(self) -> None:
        """Compute the answers every corpus page starts from (speaker ranking, counts)."""
        self.query("ranked_speakers", name=None, min_quotes=1, limit=-1, count_duplicates=False)
        self.query("ranked_speakers", name=None, limit=-1)
        self.query("corpus_stats", count_duplicates=False)
        self.query("corpus_stats", top=15)

    def write(self, brief: Brief) -> int:
        """Store an analysed brief (one writer at a time). RETURNS its article id."""
        from ..store import Store
        from ..store.db import article_key

        if self.db is None:
            raise InputError(Errors.E044, source="request")
        key = article_key(brief.text, None)
        with self._write_lock, Store(self.db) as store:
            store.write_brief(brief, key=key)
            article_id = queries.article_id_for_key(store.conn, key)
        assert article_id is not None
        return article_id


class LimitsAndHeaders:
    """ASGI middleware: refuses a body over the limit (Content-Length, or
    counted as it streams in) with E040, and adds the security headers."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None:
            try:
                size = int(length)
            except ValueError:
                size = 0
            if size > self.max_body:
                err = InputError(Errors.E040, source="request", size=size, limit=self.max_body)
                await _error_response(err, path)(scope, receive, _with_headers(send, path))
                return
        received = 0
        limit = self.max_body

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise InputError(Errors.E040, source="request", size=received, limit=limit)
            return message

        await self.app(scope, counted, _with_headers(send, path))


def _with_headers(send: Send, path: str) -> Send:
    csp = CSP_DOCS if path == "/docs" else CSP

    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            extra = [
                (b"content-security-policy", csp.encode()),
                (b"x-content-type-options", b"nosniff"),
                (b"referrer-policy", b"no-referrer"),
                (b"x-frame-options", b"DENY"),
            ]
            message = {**message, "headers": list(message.get("headers", [])) + extra}
        await send(message)

    return wrapped


def _is_api(path: str) -> bool:
    return path.startswith("/api/") or path == "/api" or path.startswith("/openapi")


def _error_response(exc: NewsbriefError, path: str) -> Response:
    status = status_of(exc)
    body = {"error": {"code": exc.code, "message": str(exc)}}
    headers = {"Retry-After": "5"} if status == 503 else None
    if _is_api(path):
        return JSONResponse(body, status_code=status, headers=headers)
    html = environment().get_template("error.html").render(code=exc.code, message=str(exc), status=status)
    return HTMLResponse(html, status_code=status, headers=headers)


def _validation_message(errors: list[Any]) -> str:
    parts = []
    for err in errors[:3]:
        loc = ".".join(str(x) for x in err.get("loc", ()) if x not in ("body", "query", "path"))
        parts.append(f"{loc or 'body'}: {err.get('msg', 'invalid')}")
    more = f" (and {len(errors) - 3} more)" if len(errors) > 3 else ""
    return "; ".join(parts) + more


def _versions() -> dict[str, str]:
    import spacy

    try:
        version = metadata.version("newsbrief")
    except metadata.PackageNotFoundError:  # pragma: no cover - run from a source tree
        from .. import __version__ as version
    return {"newsbrief": version, "spacy": spacy.__version__}


def _model_info(settings: Settings) -> tuple[str | None, str | None]:
    from ..pipeline import resolve_model_name

    try:
        name = resolve_model_name(settings.model)
    except SetupError:
        return None, None
    try:
        return name, metadata.version(name.replace("_", "-"))
    except metadata.PackageNotFoundError:
        return name, None


def _analyze_json_schema() -> dict[str, Any]:
    """AnalyzeRequest's JSON Schema, saying what the model cannot: exactly one
    of text and html, each a string with something in it."""
    schema = AnalyzeRequest.model_json_schema()
    for key in ("text", "html"):
        schema["properties"][key] = {
            "type": "string",
            "pattern": r"\S",
            "description": schema["properties"][key].get("description", ""),
        }
    schema["oneOf"] = [{"required": ["text"]}, {"required": ["html"]}]
    return schema


def create_app(
    db: str | Path | None = None,
    *,
    settings: Settings | None = None,
    workers: int = 1,
    executor: ExecutorKind = "process",
    max_body: int | None = None,
    warm_up: bool = False,
) -> FastAPI:
    """The newsbrief web application.

    db (str | Path | None): a store to serve (created if missing); None:
        analysis only.
    settings (Settings | None): model and limits; default from the environment.
    workers (int): analyses at once (worker processes, or threads).
    executor ("process" | "thread"): where analyses run.
    max_body (int | None): largest request body in bytes; default 4 bytes a
        character of ``settings.max_chars`` plus 64 KiB.
    warm_up (bool): load the model in the workers at start-up.
    """
    settings = settings or Settings.from_env()
    max_body = max_body or 4 * settings.max_chars + 65536
    db_path: str | None = None
    if db is not None:
        from ..store import Store

        db_path = str(db)
        Store(db_path).close()  # create and migrate now, so readers find the schema
    analyzer = Analyzer(settings, workers=workers, executor=executor)
    state = ServiceState(db_path, settings, analyzer, max_body)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        analyzer.start()
        if warm_up:
            import anyio

            await anyio.to_thread.run_sync(analyzer.warm_up)
            if state.db is not None:
                # The whole-store aggregates, so that the first visitors do not wait for them.
                await anyio.to_thread.run_sync(state.warm_up)
        yield
        analyzer.close()

    app = FastAPI(
        title="newsbrief",
        version=_versions()["newsbrief"],
        description=(
            "Who said what in news articles: quotes with their speakers, entities and summaries. "
            "Every span carries character offsets into the article text. Errors answer "
            '`{"error": {"code": "E0xx", "message": "..."}}`.'
        ),
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.nb = state
    templates = Jinja2Templates(env=environment())
    docs_static = Path(__import__("fastapi_offline").__file__).parent / "static"
    app.mount("/static/docs", StaticFiles(directory=str(docs_static)), name="docs-static")
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    app.add_middleware(LimitsAndHeaders, max_body=max_body)

    # -- errors ------------------------------------------------------------------

    @app.exception_handler(NewsbriefError)
    async def newsbrief_error(request: Request, exc: NewsbriefError) -> Response:
        return _error_response(exc, request.url.path)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        return _error_response(_bad(_validation_message(list(exc.errors()))), request.url.path)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404:
            err: NewsbriefError = InputError(Errors.E043, source=request.url.path, detail="no such page")
        else:
            err = _bad(str(exc.detail), request.url.path)
        response = _error_response(err, request.url.path)
        response.status_code = exc.status_code
        return response

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path)
        err = NewsbriefError(Errors.E048, source=request.url.path, detail=type(exc).__name__)
        return _error_response(err, request.url.path)

    # -- analysis --------------------------------------------------------------------

    async def run_analysis(job: Job) -> dict[str, Any]:
        if job.kind == "text" and len(job.data) > settings.max_chars:
            raise InputError(Errors.E003, source=job.source or "request", size=len(job.data), limit=settings.max_chars)
        return await analyzer.analyze(job)

    def _job(payload: AnalyzeRequest, defaults: dict[str, Any]) -> Job:
        if (payload.text is None) == (payload.html is None):
            raise _bad('give exactly one of "text" and "html"')
        data = payload.text if payload.text is not None else payload.html
        assert data is not None
        if _SURROGATE.search(data):
            raise _bad("the text contains unpaired surrogate code points; send valid Unicode")
        meta = {k: v for k, v in (("title", payload.title), ("date", payload.date), ("url", payload.url)) if v}
        return Job(
            kind="html" if payload.html is not None else "text",
            data=data,
            source=payload.source or defaults.get("source"),
            meta=meta,
            sentences=payload.sentences or defaults.get("sentences"),
            words=payload.words or defaults.get("words"),
            ratio=payload.ratio or defaults.get("ratio"),
        )

    analyze_body = {
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": _analyze_json_schema()},
                "text/plain": {"schema": {"type": "string", "pattern": r"\S"}},
                "text/html": {"schema": {"type": "string", "pattern": r"\S"}},
            },
        }
    }

    @app.post(
        "/api/analyze",
        response_model=BriefModel,
        response_model_exclude_unset=True,
        responses=ANALYZE_RESPONSES,
        openapi_extra=analyze_body,
        tags=["analysis"],
        summary="Analyse one article",
    )
    async def api_analyze(
        request: Request,
        response: Response,
        store: Annotated[bool, Query(description="Also store the brief (needs --db).")] = False,
        source: Annotated[str | None, Query(max_length=1000, description="A name for a raw body.")] = None,
        sentences: Annotated[int | None, Query(ge=1, le=100)] = None,
        words: Annotated[int | None, Query(ge=1, le=10000)] = None,
        ratio: Annotated[float | None, Query(gt=0, le=1)] = None,
    ) -> Any:
        """The brief of one article: JSON `{"text": ...}` or `{"html": ...}` (with `source`, `title`,
        `date`, `url` and summary length options), or a raw `text/plain` or `text/html` body.
        With `?store=true` the brief is also stored, and `Location` names it."""
        if store and state.db is None:
            raise InputError(Errors.E044, source="store=true")
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype not in ("application/json", "text/plain", "text/html"):
            raise InputError(Errors.E041, source="request", detail=ctype or "none")
        body = await request.body()
        defaults = {"source": source, "sentences": sentences, "words": words, "ratio": ratio}
        if ctype == "application/json":
            try:
                raw = json.loads(body)
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                raise _bad(f"malformed JSON ({exc})") from None
            if not isinstance(raw, dict):
                raise _bad(f"the JSON body must be an object, got {type(raw).__name__}")
            if [k for k in ("text", "html") if raw.get(k) is not None] != [k for k in ("text", "html") if k in raw]:
                raise _bad('"text" and "html" must be strings, not null')
            try:
                payload = AnalyzeRequest.model_validate(raw)
            except ValidationError as exc:
                raise _bad(_validation_message(list(exc.errors()))) from None
        else:
            text, _warnings = decode_bytes(body, source or "request")
            payload = AnalyzeRequest(**{"html" if ctype == "text/html" else "text": text})
        brief = await run_analysis(_job(payload, defaults))
        if store:
            import anyio

            article_id = await anyio.to_thread.run_sync(state.write, Brief.from_dict(brief))
            response.headers["Location"] = f"/api/articles/{article_id}"
            brief.setdefault("meta", {})["id"] = article_id
        return brief

    # -- corpus API ------------------------------------------------------------------

    def respond(request: Request, model: type[BaseModel], compute: Callable[[], dict[str, Any]]) -> Response:
        """The JSON answer, checked against its response model once and then
        kept as bytes until the store changes: a repeated query costs no
        database work and no validation."""
        key = ("json", request.url.path, tuple(sorted(request.query_params.multi_items())))
        body = state.cached(key, lambda: model.model_validate(compute()).model_dump_json().encode())
        return Response(body, media_type="application/json")

    @app.get("/api/articles", response_model=ArticlePage, responses=ERROR_RESPONSES, tags=["corpus"])
    def api_articles(
        request: Request,
        source: Text = None,
        speaker: Text = None,
        since: Since = None,
        until: Until = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> Any:
        """Stored articles (paged), filtered by source, date range and speaker."""

        def compute() -> dict[str, Any]:
            total, items = state.query(
                "list_articles", source=source, since=since, until=until, speaker=speaker, limit=limit, offset=offset
            )
            return {"total": total, "limit": limit, "offset": offset, "items": items}

        return respond(request, ArticlePage, compute)

    @app.get(
        "/api/articles/{article_id}",
        response_model=BriefModel,
        response_model_exclude_unset=True,
        responses=ERROR_RESPONSES,
        tags=["corpus"],
    )
    def api_article(article_id: ItemId) -> Any:
        """The brief of a stored article, with its text."""
        data = queries.article_brief(state.conn(), article_id)
        if data is None:
            raise InputError(Errors.E043, source=f"article {article_id}", detail="no such article in the store")
        data.setdefault("meta", {})["id"] = article_id
        return data

    @app.get("/api/quotes", response_model=QuotePage, responses=ERROR_RESPONSES, tags=["corpus"])
    def api_quotes(
        request: Request,
        q: Annotated[str | None, Query(max_length=500, description="Words the quote contains (all).")] = None,
        speaker: Text = None,
        entity: Text = None,
        source: Text = None,
        kind: Kinds = [],  # noqa: B006 - FastAPI copies defaults
        type: Types = [],  # noqa: B006
        since: Since = None,
        until: Until = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> Any:
        """Quotes with the filters of `newsbrief search` (paged)."""

        def compute() -> dict[str, Any]:
            total, items = queries.search_quotes(
                state.conn(),
                q,
                speaker=speaker,
                entity=entity,
                source=source,
                kinds=kind,
                types=type,
                since=since,
                until=until,
                limit=limit,
                offset=offset,
            )
            return {"total": total, "limit": limit, "offset": offset, "items": items}

        return respond(request, QuotePage, compute)

    @app.get("/api/speakers", response_model=SpeakerPage, responses=ERROR_RESPONSES, tags=["corpus"])
    def api_speakers(
        request: Request,
        q: Annotated[str | None, Query(max_length=500, description="A name (a surname is enough).")] = None,
        min_quotes: Annotated[int, Query(ge=1, le=MAX_OFFSET)] = 1,
        limit: Limit = 50,
        offset: Offset = 0,
        count_duplicates: CountDuplicates = False,
    ) -> Any:
        """Speakers, most quoted first, with counts by kind, roles and aliases: people (one entry per
        person, whatever name each article used) where the store links quotes to people. A group of
        near-duplicate articles counts once, and a statement quoted in its copies once, unless
        count_duplicates=true."""

        # The ranking is one aggregate over the whole store: computed (and cached) whole, then paged.
        def compute() -> dict[str, Any]:
            total, ranked = state.query(
                "ranked_speakers", name=q, min_quotes=min_quotes, limit=-1, count_duplicates=count_duplicates
            )
            return {"total": total, "limit": limit, "offset": offset, "items": ranked[offset : offset + limit]}

        return respond(request, SpeakerPage, compute)

    def _speaker_detail(speaker_id: int, limit: int, offset: int, count_duplicates: bool = False) -> dict[str, Any]:
        found = state.query("speaker", speaker_id, count_duplicates=count_duplicates)
        if found is None:
            raise InputError(Errors.E043, source=f"speaker {speaker_id}", detail="no such speaker in the store")
        data = dict(found)  # the cached answer stays as it is
        # A person's id (people layer) or a speaker string's: the ids the ranking gave.
        by = "person_id" if found.get("kind") else "speaker_id"
        total, items = state.query("search_quotes", **{by: speaker_id}, limit=limit, offset=offset)
        data["statements"] = {"total": total, "limit": limit, "offset": offset, "items": items}
        return data

    @app.get("/api/speakers/{speaker_id}", response_model=SpeakerDetail, responses=ERROR_RESPONSES, tags=["corpus"])
    def api_speaker(
        request: Request,
        speaker_id: ItemId,
        limit: Limit = 50,
        offset: Offset = 0,
        count_duplicates: CountDuplicates = False,
    ) -> Any:
        """One speaker (a person, where the store has people): roles, aliases, statements by month,
        articles, and their statements (paged; every copy listed)."""
        return respond(request, SpeakerDetail, lambda: _speaker_detail(speaker_id, limit, offset, count_duplicates))

    @app.get("/api/verify", response_model=VerifyModel, responses=ERROR_RESPONSES, tags=["corpus"])
    def api_verify(
        request: Request,
        q: Annotated[
            str,
            Query(
                min_length=1,
                max_length=MAX_CLAIM_CHARS,
                pattern=r"\w",
                description="The claimed quote (a word at least).",
            ),
        ],
        speaker: Annotated[
            str | None, Query(max_length=500, description="Who is said to have said it (full name or alias).")
        ] = None,
        limit: Annotated[int, Query(ge=1, le=50, description="Closest originals returned.")] = 5,
    ) -> Any:
        """Did they really say that? The twin of `newsbrief verify --format json`: the closest original
        statements with speaker, article, offsets, a similarity score and a word-level diff, and a verdict
        (verbatim, altered, paraphrase, misattributed, not found). A claim with no word, or over the
        claim limit, is E042; a bare surname that fits several people E061 (all 422)."""
        from ..verify import verify

        return respond(
            request, VerifyModel, lambda: verify(state.conn(), q, speaker=speaker or None, limit=limit).to_dict()
        )

    @app.get("/api/entities", response_model=EntityPage, responses=ERROR_RESPONSES, tags=["corpus"])
    def api_entities(
        request: Request,
        q: Text = None,
        type: Annotated[list[str], Query(description="PERSON, ORG, GPE... (repeatable).")] = [],  # noqa: B006
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> Any:
        """Entities across the store by name and type, most widely mentioned first."""

        def compute() -> dict[str, Any]:
            total, items = queries.list_entities(state.conn(), name=q, types=type, limit=limit, offset=offset)
            return {"total": total, "limit": limit, "offset": offset, "items": items}

        return respond(request, EntityPage, compute)

    @app.get("/api/stats", response_model=StatsModel, responses=ERROR_RESPONSES, tags=["corpus"])
    def api_stats(request: Request, count_duplicates: CountDuplicates = False) -> Any:
        """The numbers behind the corpus charts: statements by kind and type, the most quoted speakers
        (a near-duplicate story and its statements once, unless count_duplicates=true)."""
        return respond(request, StatsModel, lambda: state.query("corpus_stats", count_duplicates=count_duplicates))

    @app.get("/api/health", response_model=HealthModel, tags=["service"])
    def api_health() -> Any:
        """Model, store and versions."""
        versions = _versions()
        model, model_version = _model_info(settings)
        db_info = None
        if state.db is not None:
            conn = state.conn()
            db_info = {
                "path": Path(state.db).name,
                "schema_version": int(conn.execute("PRAGMA user_version").fetchone()[0]),
                "articles": int(conn.execute("SELECT count(*) FROM articles WHERE status = 'ok'").fetchone()[0]),
            }
        return {
            "status": "ok",
            "version": versions["newsbrief"],
            "schema": SCHEMA,
            "model": model,
            "model_version": model_version,
            "spacy": versions["spacy"],
            "analysis": analyzer.info(),
            "db": db_info,
        }

    # -- the web reader -----------------------------------------------------------------

    def page(request: Request, name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, {"has_db": state.db is not None, **ctx}, status_code=status)

    @app.get("/docs", include_in_schema=False)
    def docs(request: Request) -> HTMLResponse:
        return page(request, "docs.html")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(request: Request) -> HTMLResponse:
        if state.db is None:
            return page(request, "index.html", stats=None)
        stats = state.query("corpus_stats", top=15)
        _, recent = state.query("list_articles", limit=10, offset=0)
        return page(
            request,
            "index.html",
            stats=stats,
            recent=recent,
            speakers_chart=charts.hbar(
                [(s["name"], s["quotes"], f"/speakers/{s['id']}") for s in stats["top_speakers"]]
            ),
            type_chart=charts.hbar([(k, v, None) for k, v in stats["by_type"].items()]),
            kind_chart=charts.hbar([(k, v, None) for k, v in stats["by_kind"].items()]),
        )

    @app.get("/analyze", response_class=HTMLResponse, include_in_schema=False)
    def analyze_form(request: Request) -> HTMLResponse:
        return page(request, "analyze.html")

    @app.post("/analyze", response_class=HTMLResponse, include_in_schema=False)
    async def analyze_page(
        request: Request,
        text: Annotated[str, Form(max_length=10_000_000)] = "",
        title: Annotated[str, Form(max_length=1000)] = "",
        file: Annotated[UploadFile | None, File()] = None,
        store: Annotated[bool, Form()] = False,
    ) -> Response:
        kind = "text"
        data = text
        source = "pasted text"
        if file is not None and file.filename:
            raw = await file.read()
            source = Path(file.filename).name[:200]
            data, _ = decode_bytes(raw, source)
            if Path(source).suffix.lower() in (".html", ".htm", ".xhtml") or (file.content_type or "") == "text/html":
                kind = "html"
        payload = AnalyzeRequest(**{kind: data, "source": source, "title": title or None})
        brief_dict = await run_analysis(_job(payload, {}))
        brief = Brief.from_dict(brief_dict)
        if store and state.db is not None:
            import anyio

            article_id = await anyio.to_thread.run_sync(state.write, brief)
            return RedirectResponse(f"/articles/{article_id}", status_code=303)
        return page(
            request,
            "article.html",
            title=brief.meta.get("title") or source,
            view=Markup(render_html(brief, standalone=False)),
        )

    @app.get("/articles", response_class=HTMLResponse, include_in_schema=False)
    def articles_page(
        request: Request,
        source: Text = None,
        speaker: Text = None,
        since: Since = None,
        until: Until = None,
        offset: Offset = 0,
    ) -> HTMLResponse:
        limit = 50
        total, items = state.query(
            "list_articles", source=source, speaker=speaker, since=since, until=until, limit=limit, offset=offset
        )
        args = {"source": source, "speaker": speaker, "since": since, "until": until}
        return page(
            request, "articles.html", total=total, items=items, args=args, pager=charts.pager(total, limit, offset)
        )

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: ItemId) -> HTMLResponse:
        data = queries.article_brief(state.conn(), article_id)
        if data is None:
            raise InputError(Errors.E043, source=f"article {article_id}", detail="no such article in the store")
        brief = Brief.from_dict(data)
        title = brief.meta.get("title") or brief.source or f"Article {article_id}"
        view = Markup(render_html(brief, standalone=False, article_id=article_id))
        return page(request, "article.html", title=title, view=view, article_id=article_id)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(
        request: Request,
        q: Text = None,
        speaker: Text = None,
        entity: Text = None,
        kind: Annotated[str | None, Query(pattern="^(|direct|partial|indirect)$")] = None,
        type: Annotated[str | None, Query(pattern="^(|speech|belief|intention|evidence)$")] = None,
        since: Annotated[str | None, Query(max_length=10)] = None,
        until: Annotated[str | None, Query(max_length=10)] = None,
        offset: Offset = 0,
    ) -> HTMLResponse:
        # An empty date field of the form is sent as "": read the dates by hand.
        since_d, until_d = _form_date(since, "since"), _form_date(until, "until")
        limit = 50
        asked = any([q, speaker, entity, kind, type, since_d, until_d])
        total, items = (0, [])
        if asked:
            total, items = state.query(
                "search_quotes",
                q,
                speaker=speaker,
                entity=entity,
                kinds=[kind] if kind else [],
                types=[type] if type else [],
                since=since_d,
                until=until_d,
                limit=limit,
                offset=offset,
            )
        args = {
            "q": q,
            "speaker": speaker,
            "entity": entity,
            "kind": kind,
            "type": type,
            "since": since,
            "until": until,
        }
        return page(
            request,
            "search.html",
            asked=asked,
            total=total,
            items=items,
            args=args,
            types=ATTRIBUTION_TYPES,
            pager=charts.pager(total, limit, offset),
        )

    @app.get("/speakers", response_class=HTMLResponse, include_in_schema=False)
    def speakers_page(request: Request, q: Text = None, offset: Offset = 0) -> HTMLResponse:
        limit = 50
        total, ranked = state.query("ranked_speakers", name=q, limit=-1)
        items = ranked[offset : offset + limit]
        chart = (
            charts.hbar([(s["name"], s["quotes"], f"/speakers/{s['id']}") for s in items[:15]]) if not offset else None
        )
        return page(
            request,
            "speakers.html",
            total=total,
            items=items,
            q=q,
            chart=chart,
            pager=charts.pager(total, limit, offset),
        )

    @app.get("/speakers/{speaker_id}", response_class=HTMLResponse, include_in_schema=False)
    def speaker_page(request: Request, speaker_id: ItemId, offset: Offset = 0) -> HTMLResponse:
        limit = 50
        data = _speaker_detail(speaker_id, limit, offset)
        timeline = charts.columns([(m["month"], m["count"]) for m in data["timeline"]])
        st = data["statements"]
        return page(
            request,
            "speaker.html",
            s=data,
            timeline=timeline,
            pager=charts.pager(st["total"], limit, offset),
        )

    return app


def _form_date(value: str | None, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _bad(f"{name}: expected a date YYYY-MM-DD, got {value!r}") from None
