"""Conversions run in a worker process that is killed at the time limit."""

from __future__ import annotations

import multiprocessing
import time

import pytest
from hostile_docx import FIXTURES

from editorial_desk.domain.errors import ImportRefusedError
from editorial_desk.importers.convert import convert_file_bytes
from editorial_desk.importers.docx import convert_docx
from editorial_desk.importers.isolation import run_isolated
from editorial_desk.importers.model import RefusalReason
from editorial_desk.importers.notices import ImportNotice, ImportWarningKind


def test_worker_result_equals_in_process_result():
    data = (FIXTURES / "skver.libreoffice.docx").read_bytes()
    started = time.perf_counter()
    isolated = convert_file_bytes("skver.docx", data)
    elapsed = time.perf_counter() - started
    assert isolated == convert_file_bytes("skver.docx", data, time_limit=None)
    assert elapsed < 5.0  # a fresh interpreter plus the conversion; ~0.2 s here


def test_conversion_over_the_time_limit_is_stopped_and_the_worker_killed():
    data = (FIXTURES / "skver.libreoffice.docx").read_bytes()
    started = time.perf_counter()
    with pytest.raises(ImportRefusedError) as caught:
        # No interpreter starts and converts in 1 ms: this is a conversion that
        # overran its limit, as a slow hostile document would.
        run_isolated(convert_docx, data, "skver", time_limit=0.001)
    assert caught.value.reason == "timeout"
    assert "was stopped" in str(caught.value)
    assert time.perf_counter() - started < 5.0
    assert multiprocessing.active_children() == []  # killed and reaped


def test_refusals_inside_the_worker_come_back_as_refusals():
    # Not a DOCX at all: convert_docx refuses inside the worker.
    with pytest.raises(ImportRefusedError) as caught:
        run_isolated(convert_docx, b"plain text", "x", time_limit=30)
    assert caught.value.reason is RefusalReason.WRONG_FORMAT  # the key, not just its value
    assert str(caught.value) == (
        "the file is not a Word document (.docx); it looks like plain text"
    )


def test_a_crashing_converter_is_a_conversion_failure_not_a_traceback():
    with pytest.raises(ImportRefusedError) as caught:
        run_isolated(divmod, 1, 0, time_limit=30)  # ZeroDivisionError in the worker
    assert caught.value.reason == "conversion_failed"
    assert "ZeroDivisionError" in str(caught.value)


def test_warnings_cross_the_worker_as_keyed_notices():
    page = "<meta charset='x-mac-klingon'><p>Ёлка на площади</p>".encode("cp1251")
    isolated = convert_file_bytes("ёлка.html", page)
    assert isolated.warnings == [
        ImportNotice.of(ImportWarningKind.UNKNOWN_CHARSET, charset="x-mac-klingon", codec="cp1251"),
        ImportNotice.of(ImportWarningKind.PAGE_WITHOUT_TITLE),
    ]
    assert all(type(notice.kind) is ImportWarningKind for notice in isolated.warnings)
    assert isolated == convert_file_bytes("ёлка.html", page, time_limit=None)
