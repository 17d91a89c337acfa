"""Import warnings and refusals are keyed data: they survive the worker's pickle
and JSON, take exactly their parameters, and read in English from one table."""

from __future__ import annotations

import json
import pickle

import pytest

from editorial_desk.domain.errors import ImportRefusedError
from editorial_desk.importers.model import RefusalReason, refuse
from editorial_desk.importers.notices import (
    ENGLISH_TEXTS,
    ImportNotice,
    ImportWarningKind,
    english_text,
)

SAMPLES = {
    ImportWarningKind.PICTURES_LINKED: {"count": 2},
    ImportWarningKind.PICTURES_TOO_LARGE: {"count": 3, "size": 25},
    ImportWarningKind.PICTURES_UNSUPPORTED: {"count": 1, "format": "image/x-emf"},
    ImportWarningKind.PICTURES_ON_WEB: {"count": 4},
    ImportWarningKind.PICTURES_OUTSIDE_FILE: {"count": 1},
    ImportWarningKind.UNKNOWN_CHARSET: {"charset": "x-mac-klingon", "codec": "cp1251"},
    ImportWarningKind.FALSE_UTF8: {"codec": "koi8_r"},
    ImportWarningKind.DOCUMENT_WITHOUT_TITLE: {},
    ImportWarningKind.PAGE_WITHOUT_TITLE: {},
    ImportWarningKind.TEXT_WITHOUT_HEADLINE: {},
    ImportWarningKind.TITLE_CUT: {"limit": 500},
}


def test_every_kind_has_an_english_text_and_a_sample():
    assert set(ENGLISH_TEXTS) == set(ImportWarningKind) == set(SAMPLES)


@pytest.mark.parametrize("kind", list(ImportWarningKind))
def test_a_notice_survives_pickle_and_json(kind: ImportWarningKind):
    notice = ImportNotice(kind, SAMPLES[kind])
    assert english_text(notice) == str(notice)
    assert "{" not in str(notice)  # every placeholder filled

    unpickled = pickle.loads(pickle.dumps(notice))
    assert unpickled == notice and unpickled.kind is kind

    through_json = ImportNotice.from_json(json.loads(json.dumps(notice.to_json())))
    assert through_json == notice and through_json.kind is kind
    assert hash(through_json) == hash(notice)


def test_the_english_stays_as_the_cli_printed_it():
    assert str(ImportNotice.of(ImportWarningKind.PICTURES_OUTSIDE_FILE, count=1)) == (
        "1 picture(s) stored outside the file were left out"
    )
    assert str(
        ImportNotice.of(ImportWarningKind.UNKNOWN_CHARSET, charset="utf-7", codec="utf-8")
    ) == ("the page declares an unknown character set 'utf-7'; read as utf-8")


def test_a_notice_takes_exactly_its_parameters():
    with pytest.raises(ValueError, match="count"):
        ImportNotice.of(ImportWarningKind.PICTURES_ON_WEB)
    with pytest.raises(ValueError, match="limit"):
        ImportNotice.of(ImportWarningKind.TITLE_CUT, count=500)
    with pytest.raises(ValueError):
        ImportNotice.from_json({"kind": "no_such_kind", "params": {}})


@pytest.mark.parametrize("reason", list(RefusalReason))
def test_a_refusal_survives_pickle_and_json(reason: RefusalReason):
    refusal = refuse(reason, "the file is empty").for_file("пусто.docx")

    unpickled = pickle.loads(pickle.dumps(refusal))
    assert isinstance(unpickled, ImportRefusedError)
    assert unpickled.reason is reason
    assert (unpickled.detail, unpickled.filename) == ("the file is empty", "пусто.docx")
    assert str(unpickled) == str(refusal) == "пусто.docx: the file is empty"

    assert RefusalReason(json.loads(json.dumps(refusal.reason))) is reason
