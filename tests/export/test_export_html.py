"""The HTML fragment for the CMS and the standalone page: structure, images,
typography, and that nothing executable ever gets out."""

from __future__ import annotations

import base64

from export_samples import PHOTO, make_article
from html_check import check_structure, parse

from editorial_desk.document import plain_text
from editorial_desk.export import ExportOptions, html_fragment, html_page
from editorial_desk.export.filenames import image_file_name


def test_fragment_is_clean_semantic_html(article, assets):
    fragment = html_fragment(article, assets)
    root, doctype = parse(fragment)
    check_structure(root)
    assert doctype == ""
    assert "<style" not in fragment and "class=" not in fragment and "style=" not in fragment
    tags = [node.tag for node in root.elements()]
    assert tags.count("h2") == 1 and tags.count("h3") == 1
    assert tags.count("ol") == 2 and tags.count("ul") == 2
    nested = [n for n in root.elements() if n.tag == "ul" and n.parent.tag == "li"]
    assert len(nested) == 1 and len([c for c in nested[0].children]) == 2
    [ordered, _second] = [n for n in root.elements() if n.tag == "ol"]
    assert ordered.attrs == {"start": "3"}
    links = [n.attrs["href"] for n in root.elements() if n.tag == "a"]
    assert links == [
        "https://example.org/park?a=1&b=2",
        "tel:+74950000000",
        "mailto:press@example.org",
    ]
    assert "&amp;b=2" in fragment  # escaped in the attribute


def test_fragment_images_are_relative_and_keep_alt_and_caption(article, assets):
    root, _ = parse(html_fragment(article, assets))
    [figure] = [n for n in root.elements() if n.tag == "figure"]
    img, caption = [c for c in figure.children if not isinstance(c, str)]
    assert img.attrs == {"src": f"images/{image_file_name(PHOTO)}", "alt": "Каток"}
    assert caption.text() == "Фото: пресс-служба"


def test_missing_image_is_left_out_but_its_caption_stays(article):
    root, _ = parse(html_fragment(article, {}))
    assert not [n for n in root.elements() if n.tag == "img"]
    [figure] = [n for n in root.elements() if n.tag == "figure"]
    assert figure.text() == "Фото: пресс-служба"


def test_fragment_applies_typography_only_when_asked(article, assets):
    typed = html_fragment(article, assets)
    plain = html_fragment(article, assets, ExportOptions(typography=False))
    assert "в&nbsp;городском" in typed and "И.&nbsp;И.&nbsp;Петров" in typed
    assert "12\u202f500\u202f000&nbsp;рублей" in typed
    assert "в городском" in plain and "12 500 000 рублей" in plain

    # Typography changes spaces only: the words are the same.
    def words(html: str) -> list[str]:
        return plain_text(html).replace("\u202f", " ").replace("\u00a0", " ").split()

    assert words(typed) == words(plain)


def test_signature_line_is_added_once(article_factory, assets):
    options = ExportOptions(signature="Информационный отдел администрации города")
    ends_with_it = article_factory()
    assert html_fragment(ends_with_it, assets, options).count("Информационный отдел") == 1
    without = article_factory(body="<p>Текст новости.</p>")
    assert html_fragment(without, {}, options).endswith(
        "<p>Информационный отдел администрации города</p>"
    )
    # Compared as typed: typography turning its quotes into «ёлочки» does not matter.
    quoted = ExportOptions(signature='Пресс-служба МКУ "Центр"')
    typed_in = article_factory(body='<p>Текст.</p><p>Пресс-служба МКУ "Центр"</p>')
    assert html_fragment(typed_in, {}, quoted).count("Центр") == 1
    assert html_fragment(without, {}, quoted).endswith("<p>Пресс-служба МКУ «Центр»</p>")


def test_page_is_a_standalone_html5_document(article, assets):
    page = html_page(article, assets, ExportOptions(time_zone="Europe/Moscow"))
    root, doctype = parse(page)
    assert doctype.lower() == "doctype html"
    check_structure(root, page=True)
    [html] = [n for n in root.elements() if n.tag == "html"]
    assert html.attrs == {"lang": "ru"}
    assert '<meta charset="utf-8">' in page
    [title] = [n for n in root.elements() if n.tag == "title"]
    assert title.text() == "В\u00a0парке «Дружба» откроется зимняя площадка"
    [style] = [n for n in root.elements() if n.tag == "style"]
    assert style.parent.tag == "head" and "font" in style.text()
    [header] = [n for n in root.elements() if n.tag == "header"]
    dateline, h1, lead = [c for c in header.children if not isinstance(c, str)]
    assert dateline.text() == "5\u00a0декабря 2026\u00a0г. · Город"
    assert h1.tag == "h1" and lead.text().startswith("Каток, прокат и\u00a0лыжная трасса\u00a0—")


def test_page_embeds_its_images(article, assets):
    root, _ = parse(html_page(article, assets))
    [img] = [n for n in root.elements() if n.tag == "img"]
    prefix = "data:image/png;base64,"
    assert img.attrs["src"].startswith(prefix)
    assert base64.b64decode(img.attrs["src"][len(prefix) :]) == PHOTO.data


def test_page_without_dateline_when_the_office_turns_it_off(article, assets):
    root, _ = parse(html_page(article, assets, ExportOptions(header_block=False)))
    [header] = [n for n in root.elements() if n.tag == "header"]
    assert [c.tag for c in header.children if not isinstance(c, str)] == ["h1", "p"]


HOSTILE = (
    '<p onclick="steal()">Текст<script>alert(1)</script></p>'
    '<a href="javascript:alert(1)">ссылка</a>'
    '<a href=" JaVaScRiPt:alert(2)">вторая</a>'
    '<img src="https://evil.example/x.png" onerror="alert(3)">'
    "<style>p{background:url(javascript:alert(4))}</style>"
    '<iframe src="https://evil.example"></iframe>'
    "<svg><script>alert(5)</script></svg>"
    '<p style="color:red" class="x">ок</p>'
    "<figcaption>подпись вне figure</figcaption>"
)


def test_nothing_executable_survives_even_an_unsanitized_body(assets):
    hostile = make_article()
    hostile = type(hostile)(
        **{**{f: getattr(hostile, f) for f in hostile.__slots__}, "body": HOSTILE}
    )
    for html in (html_fragment(hostile, assets), html_page(hostile, assets)):
        lowered = html.lower()
        assert "javascript" not in lowered and "alert" not in lowered and "onclick" not in lowered
        assert "<script" not in lowered and "<iframe" not in lowered and "<svg" not in lowered
        root, _ = parse(html)
        check_structure(root, page=html.startswith("<!DOCTYPE"))
    fragment_root, _ = parse(html_fragment(hostile, assets))
    assert fragment_root.text() == "Текстссылкавтораяокподпись вне figure"
