"""Progress of loading on the terminal: Rich's progress bar on stderr, one line
per stage (reading, analysing N of M with rate and time left, merging,
indexing), only when stderr is a terminal — nothing at all when piped."""
from __future__ import annotations

import contextlib
import sys
import time

STAGE_LABELS = {
    "scan": "Checking files",
    "read": "Reading files",
    "analyse": "Analysing articles",
    "load": "Loading the store",
    "merge": "Merging entities",
    "index": "Building the search index",
}


def _console():
    from rich.console import Console
    return Console(stderr=True)


@contextlib.contextmanager
def terminal_progress(enabled: bool | None = None):
    """Yields progress(stage, done, total) — a no-op unless stderr is a terminal."""
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        yield None
        return
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TaskProgressColumn, TextColumn,
                               TimeRemainingColumn)
    bar = Progress(TextColumn("{task.description:<28}"), BarColumn(), MofNCompleteColumn(),
                   TaskProgressColumn(), TextColumn("{task.fields[rate]}"), TimeRemainingColumn(),
                   console=_console(), transient=True, auto_refresh=False)
    # Redrawn from the callback, not by Rich's refresh thread: a process with one thread may
    # fork its workers (the library's merge does; forking beside other threads is unsafe).
    tasks: dict[str, int] = {}
    last_drawn = [0.0]

    def progress(stage: str, done: int, total: int) -> None:
        task = tasks.get(stage)
        if task is None:
            for other in tasks.values():       # an earlier stage is over: never left sitting
                t = bar.tasks[other]
                if t.total is not None and not t.finished:
                    bar.update(other, completed=t.total)
            task = tasks[stage] = bar.add_task(STAGE_LABELS.get(stage, stage), total=total or None, rate="")
        t = bar.tasks[task]
        rate = ""
        if stage == "analyse" and t.elapsed and done:
            rate = f"{done / t.elapsed:,.0f}/s"
        bar.update(task, completed=done, total=total or None, rate=rate)
        now = time.monotonic()
        if now - last_drawn[0] >= 0.1 or (total and done >= total):
            last_drawn[0] = now
            bar.refresh()

    with bar:
        yield progress
