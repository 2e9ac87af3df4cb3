"""Pages that more than one route module shows."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import HTMLResponse

from web import leases
from web.deps import lease_of
from web.models import ClassSet
from web.templating import render


def building_page(request: Request, class_set: ClassSet) -> HTMLResponse:
    if class_set.status == "building" and leases.sweep(request.app.state.engine, lease_of(request), class_set.id):
        class_set.status, class_set.error = "failed", leases.STOPPED  # its build died with its process
    failed = class_set.status == "failed"
    context = {"class_set": class_set, "failed": failed, "error": (class_set.error or leases.STOPPED) if failed else ""}
    return render(request, "teacher/building.html", context, block="progress")
