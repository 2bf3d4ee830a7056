"""A page that Python-Markdown cannot convert within SECONDS ends its conversion with
PageTooSlowError instead of holding the build (and every page of `make serve`) for hours.

Many constructs are slow in Python-Markdown (thousands of '[', headings with one title,
references to one footnote, HTML tags); the engine refuses the common ones with their line
before rendering (engine/present/pages/markdown_bounds.py), and this limit ends any other. The
first preprocessor starts a timer and the last postprocessor stops it; when it fires while the
converting thread is still inside Markdown.convert, the exception is raised in that thread
(Python's documented PyThreadState_SetAsyncExc: a build converts in the main thread, a `make
serve` rebuild in a thread of its own, where no signal reaches)."""

from __future__ import annotations

import ctypes
import sys
import threading

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

# Far above a page's time (the site's largest converts in a tenth of a second), far below a hang.
SECONDS = 10


class PageTooSlowError(TimeoutError):
    """Raised in the converting thread when the page took longer than SECONDS (MkDocs names
    the page before this text)."""

    def __init__(self) -> None:
        self.seconds = SECONDS
        super().__init__(f"Python-Markdown took more than {SECONDS} seconds over it")


class Deadline:
    """The timer of the conversion under way by one Markdown instance."""

    def __init__(self, md: Markdown) -> None:
        self.md = md
        self.timer: threading.Timer | None = None

    def start(self) -> None:
        self.stop()
        self.timer = threading.Timer(SECONDS, _interrupt, (threading.get_ident(), self.md))
        self.timer.daemon = True
        self.timer.start()

    def stop(self) -> None:
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None


def _interrupt(thread: int, md: Markdown) -> None:
    """PageTooSlowError in `thread`, if it is still converting with `md` (a conversion that failed
    never stopped its timer, and the thread may have gone on to another page)."""
    frame = sys._current_frames().get(thread)
    while frame is not None and not (frame.f_code is Markdown.convert.__code__
                                     and frame.f_locals.get("self") is md):
        frame = frame.f_back
    if frame is not None:
        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread),
                                                   ctypes.py_object(PageTooSlowError))


def _run_by_convert() -> bool:
    """Whether the processor calling this runs as a stage of Markdown.convert (extensions
    such as toc also run the postprocessors on parts of the page)."""
    return sys._getframe(2).f_code is Markdown.convert.__code__


class Start(Preprocessor):
    def __init__(self, md: Markdown, deadline: Deadline) -> None:
        super().__init__(md)
        self.deadline = deadline

    def run(self, lines: list[str]) -> list[str]:
        if _run_by_convert():
            self.deadline.start()
        return lines


class Stop(Postprocessor):
    def __init__(self, md: Markdown, deadline: Deadline) -> None:
        super().__init__(md)
        self.deadline = deadline

    def run(self, text: str) -> str:
        if _run_by_convert():
            self.deadline.stop()
        return text


class TimeLimitExtension(Extension):
    def extendMarkdown(self, md):  # noqa: N802 (Python-Markdown's name)
        deadline = Deadline(md)
        md.preprocessors.register(Start(md, deadline), "briefing_time_limit_start", 1000)
        md.postprocessors.register(Stop(md, deadline), "briefing_time_limit_stop", -1000)


def makeExtension(**kwargs):  # noqa: N802 (Python-Markdown's name)
    return TimeLimitExtension(**kwargs)
