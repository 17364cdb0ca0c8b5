"""What keeps `kg serve` standing in front of hostile clients, apart from the query pool.

- :class:`Admission`: a bounded number of queries inside the server (running or
  waiting for a worker); the next one is answered 503 at once, not queued forever.
- :func:`timed_protocol`: uvicorn's HTTP/1.1 protocol with a deadline for the
  request head, so a client that sends it slowly (or never) loses its connection
  with a 408; the body has its own deadline where the endpoint reads it.
- :class:`NoSniff`: ``X-Content-Type-Options: nosniff`` on every answer, so no
  browser runs a served Turtle file or an error message as a page.
- :func:`server_error`: a 500 that says what went wrong instead of a bare one.
- :func:`decoded_path`: a request path, percent-decoded strictly (None when the
  bytes are not UTF-8 or the result cannot be part of an IRI).
"""

from __future__ import annotations

import asyncio
from typing import Any
from urllib.parse import unquote_to_bytes, urlsplit

import anyio
import h11
import pyoxigraph as ox
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.protocols.http.h11_impl import H11Protocol

from kg.rdf import formats

NOSNIFF = (b"x-content-type-options", b"nosniff")


class Admission:
    """At most ``limit`` queries inside the server at once; a thread for each of them."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.inside = 0  # changed only on the event loop's thread
        self.threads = anyio.CapacityLimiter(limit)

    def full(self) -> bool:
        return self.inside >= self.limit


class NoSniff:
    """ASGI middleware: the nosniff header on every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_nosniff(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), NOSNIFF]}
            await send(message)

        await self.app(scope, receive, send_nosniff)


async def server_error(request: Request, exc: Exception) -> Response:
    """The answer to an error no handler expected: 500 with its reason (and in the log)."""
    reason = " ".join(str(exc).split())[:300]
    return PlainTextResponse(
        f"internal error while answering {request.url.path}: {type(exc).__name__}"
        + (f": {reason}" if reason else "")
        + "\n",
        500,
        headers={NOSNIFF[0].decode(): NOSNIFF[1].decode()},
    )


def decoded_path(raw: bytes, base: str) -> str | None:
    """``raw`` (a request path as sent) percent-decoded as UTF-8, when ``base`` + it is an
    IRI; None when it is not."""
    origin = urlsplit(base)
    try:
        path = unquote_to_bytes(raw).decode("utf-8")
        ox.NamedNode(f"{origin.scheme}://{origin.netloc}{path}")
    except (UnicodeDecodeError, ValueError):
        return None
    return path


def timed_protocol(seconds: float) -> type[H11Protocol]:
    """uvicorn's h11 protocol, closing with 408 a connection whose request head has not
    fully arrived ``seconds`` after the connection (or the head's first byte) came."""

    class TimedH11Protocol(H11Protocol):
        _deadline: asyncio.TimerHandle | None = None

        def connection_made(self, transport: Any) -> None:
            super().connection_made(transport)
            self._arm()

        def data_received(self, data: bytes) -> None:
            super().data_received(data)
            if self.conn.their_state is h11.IDLE:
                self._arm()  # still reading a request head
            else:
                self._disarm()

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            super().connection_lost(exc)

        def _arm(self) -> None:
            if self._deadline is None:
                self._deadline = self.loop.call_later(seconds, self._too_slow)

        def _disarm(self) -> None:
            if self._deadline is not None:
                self._deadline.cancel()
                self._deadline = None

        def _too_slow(self) -> None:
            self._deadline = None
            if self.transport.is_closing() or self.conn.their_state is not h11.IDLE:
                return
            if self.cycle is not None and not self.cycle.response_complete:
                return  # an answer is being written: not a slow client
            body = f"the request did not arrive within {seconds:g} s\n".encode()
            head = (
                f"HTTP/1.1 408 Request Timeout\r\ncontent-type: {formats.PLAIN_TEXT_UTF8}\r\n"
                f"content-length: {len(body)}\r\nconnection: close\r\n"
                "x-content-type-options: nosniff\r\n\r\n"
            )
            self.transport.write(head.encode("ascii") + body)
            self.transport.close()

    return TimedH11Protocol
