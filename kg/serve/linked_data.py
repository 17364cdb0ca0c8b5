"""`kg serve`'s Linked Data routes: every IRI under the base answers at its path.

The protocol (content negotiation, 404s, refused paths) is kg.publish.web's,
independent of the web framework; this module only mounts it in Starlette and
keeps it on the current snapshot of the store: when a build finishes, the next
request sees the new graph, as the SPARQL workers do.
"""

from __future__ import annotations

import threading
from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response
from starlette.routing import BaseRoute, Route

from kg.publish.state import PublishedState
from kg.serve.guard import decoded_path
from kg.serve.worker import Snapshot
from kg.web.describe import open_published
from kg.web.negotiation import LinkedData


class CurrentSite:
    """The LinkedData of the newest finished build in ``data``."""

    def __init__(self, data: Path) -> None:
        self.data = data
        self._snapshot = Snapshot(data)
        self._lock = threading.Lock()
        self._state: PublishedState | None = None
        self._site: LinkedData | None = None

    def get(self) -> LinkedData:
        with self._lock:
            state = self._snapshot.current_state()
            if self._site is None or state is not self._state:
                self._site = LinkedData(open_published(self.data, state))
                self._state = state
            return self._site


def linked_data_routes(data: Path) -> list[BaseRoute]:
    """One catch-all route (mount it after /sparql): GET and HEAD of any path."""
    current = CurrentSite(data)
    current.get()  # fail at start, not at the first request, when there is no build

    def page(request: Request) -> Response:
        site = current.get()
        path = decoded_path(request.scope.get("raw_path") or b"", site.base)
        if path is None:
            return PlainTextResponse(
                "bad path: its %-escapes do not decode to UTF-8, or it cannot be part of an IRI\n",
                400,
            )
        answer = site.respond(request.method, path, request.headers.get("accept"))
        if answer.file is not None:
            return FileResponse(answer.file, answer.status, dict(answer.headers), answer.media_type)
        return Response(answer.body, answer.status, dict(answer.headers), answer.media_type)

    return [Route("/{path:path}", page, methods=["GET", "HEAD"], name="linked-data")]
