"""The ZIP bundle: article.html (the fragment), images/ it links to, metadata.json."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import UTC, datetime

from export_samples import PHOTO
from html_check import check_structure, parse

from editorial_desk.export import ExportContext, ExportOptions, html_fragment, zip_bundle
from editorial_desk.export.filenames import image_file_name


def test_bundle_holds_fragment_images_and_metadata(article, assets):
    context = ExportContext(
        revision_id=9, exported_at=datetime(2026, 12, 1, tzinfo=UTC), exported_by="Пётр"
    )
    data = zip_bundle(article, assets, ExportOptions(), context)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        image = f"images/{image_file_name(PHOTO)}"
        assert names == ["article.html", image, "metadata.json"]  # only images the body uses
        html = archive.read("article.html").decode("utf-8")
        assert archive.read(image) == PHOTO.data
        assert archive.getinfo(image).compress_type == zipfile.ZIP_STORED
        meta = json.loads(archive.read("metadata.json"))
    assert html == html_fragment(article, assets)
    root, _ = parse(html)
    check_structure(root)
    assert [n.attrs["src"] for n in root.elements() if n.tag == "img"] == [image]
    assert meta["title"] == article.title
    assert meta["lead"] == article.lead
    assert meta["rubric"] == "Город"
    assert meta["tags"] == ["парк", "зима"]
    assert meta["author"] == "Анна Иванова"
    assert meta["planned_at"] == "2026-12-04T22:00:00+00:00"
    assert meta["revision_id"] == 9
    assert meta["article_id"] == 42
    assert meta["exported_by"] == "Пётр"
    assert meta["images"] == [
        {
            "file": image,
            "sha256": PHOTO.sha256,
            "mime_type": "image/png",
            "original_name": PHOTO.filename,
            "bytes": len(PHOTO.data),
        }
    ]


def test_same_article_zips_to_the_same_bytes(article, assets):
    context = ExportContext(revision_id=1, exported_at=datetime(2026, 12, 1, tzinfo=UTC))
    assert zip_bundle(article, assets, None, context) == zip_bundle(article, assets, None, context)
