"""Many files, both cores: an ordered map that runs in a process pool when the batch is large.

`spbe validate` and `spbe rank` over an archive must cost about what merely parsing it costs.
Parsing is pure Python plus C that holds the GIL, so threads do not help; worker processes do.
Each worker keeps its own state (the rubric store) for the whole run, receives paths in chunks and
sends back only small, already-reduced results. Results come back in input order, so output stays
deterministic, and only a bounded number of chunks is in flight, so a slow consumer (a terminal)
never makes finished results pile up in memory. Small batches stay in this process: starting
workers costs more than it saves.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

POOL_MIN = 200
"""From this many files on, a batch runs in worker processes (override: SPBE_POOL_MIN)."""
CHUNK = 64
"""Files per task: large enough that one round trip per chunk is negligible, small enough to
keep every worker busy until the end."""
IN_FLIGHT_PER_WORKER = 2
"""Chunks queued per worker: enough that none waits for work, few enough to keep memory flat."""

_work: Callable[[object], object] | None = None


def pool_min() -> int:
    raw = os.environ.get("SPBE_POOL_MIN", "")
    return int(raw) if raw.isdigit() else POOL_MIN


def workers() -> int:
    """The cores this process may use (the affinity mask, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def ordered_map(
    work: Callable[[T], R], items: Sequence[T], *, threshold: int | None = None
) -> Iterator[R]:
    """`map(work, items)`, in a process pool when there are `threshold` items or more.

    `work` is called once per item; in a pool it is handed to each worker once (inherited on
    fork, pickled otherwise), so state it builds lazily (a rubric store) lives per worker.
    """
    limit = pool_min() if threshold is None else threshold
    count = min(workers(), -(-len(items) // CHUNK))
    if len(items) < limit or count < 2:
        yield from map(work, items)
        return
    yield from _pooled(work, items, count)


def _pooled(work: Callable[[T], R], items: Sequence[T], count: int) -> Iterator[R]:
    method = "fork" if sys.platform.startswith("linux") else None
    context = multiprocessing.get_context(method)
    chunks = (items[n : n + CHUNK] for n in range(0, len(items), CHUNK))
    with context.Pool(count, initializer=_install, initargs=(work,)) as pool:
        pending: deque = deque()
        for chunk in chunks:
            pending.append(pool.apply_async(_run_chunk, (chunk,)))
            if len(pending) >= count * IN_FLIGHT_PER_WORKER:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


def _install(work: Callable[[object], object]) -> None:
    global _work
    _work = work
    _quiet_collector()


def _quiet_collector() -> None:
    """Tune a worker's garbage collector for a batch (about a tenth of its time otherwise).

    Each file allocates and frees a few thousand objects (YAML nodes, problems), which keeps
    triggering collections that find nothing and traverse everything the worker inherited
    (modules, the rubric). What the worker inherited is frozen out of the collector's sight,
    and the youngest generation is collected after 10,000 net allocations instead of 700;
    cyclic garbage, if any, is still collected, only later.
    """
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)


def _run_chunk(chunk: Sequence[object]) -> list[object]:
    assert _work is not None, "worker started without its work"
    return [_work(item) for item in chunk]
