"""Screenshots for the docs, from a real window (run under Xvfb):

    xvfb-run -a -s "-screen 0 1280x800x24" uv run python tools/screenshot.py \\
        docs/main-window-ru.png [docs/editor-ru.png]

Builds a demo store in a temporary folder with a handful of Russian news items,
opens the main window in Russian on it, selects the sample article and saves a
picture of the screen."""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, datetime, timedelta
from importlib.resources import files
from pathlib import Path

DEMO_ITEMS = (
    ("Открытие зимней площадки в парке «Дружба»", "Город", 0, None),
    ("Мэрия объявила конкурс на лучший новогодний двор", "Город", 1, "in_review"),
    ("Расписание автобусов в праздничные дни", "Транспорт", 2, "approved"),
    ("В библиотеке им. Пушкина пройдёт вечер поэзии", "Культура", 3, "scheduled"),
    ("Итоги отопительного сезона: 98 % домов подключены", "ЖКХ", -1, "published"),
    ("Школьники города стали призёрами олимпиады", "Образование", -2, "published"),
    ("Ремонт моста через Каменку завершат к весне", "Транспорт", 5, "returned"),
    ("Лыжня России: регистрация участников открыта", "Спорт", None, None),
)


def build_demo_store(path: Path):  # type: ignore[no-untyped-def]
    from sqlalchemy import update

    from editorial_desk.services.articles import create_article
    from editorial_desk.services.users import ensure_user
    from editorial_desk.store.engine import open_store
    from editorial_desk.store.models import Article

    store = open_store(str(path))
    sample = files("editorial_desk.resources.samples").joinpath("sample_article_ru.html")
    body = sample.read_text(encoding="utf-8")
    base = datetime(2026, 12, 5, 7, 0, tzinfo=UTC)
    with store.session() as session:
        user = ensure_user(session, "ivanova", "Ольга Иванова")
        first_id = None
        for title, rubric, days, status in DEMO_ITEMS:
            article = create_article(
                session,
                user,
                title=title,
                rubric=rubric,
                lead="Главное о событии в одном-двух предложениях.",
                body=body if first_id is None else "<p>Текст новости.</p>",
                planned_at=base + timedelta(days=days) if days is not None else None,
            )
            first_id = first_id or article.id
            if status:  # the workflow arrives with its own issue; demo data only
                session.execute(
                    update(Article).where(Article.id == article.id).values(status=status)
                )
    return store, user, first_id


def main(out: str, editor_out: str | None = None) -> int:
    from PySide6.QtCore import QLocale, QTimer
    from PySide6.QtWidgets import QApplication

    from editorial_desk.ui.app import build_main_window, configure_application, install_translators
    from editorial_desk.ui.settings import AppSettings, Language

    app = QApplication(sys.argv[:1])
    configure_application(app)
    with tempfile.TemporaryDirectory() as tmp:
        settings = AppSettings.in_file(Path(tmp) / "settings.ini")
        settings.language = Language.RUSSIAN
        QLocale.setDefault(settings.ui_locale())
        install_translators(app, settings.ui_locale())
        store, user, article_id = build_demo_store(Path(tmp) / "demo.sqlite3")
        from zoneinfo import ZoneInfo

        window = build_main_window(store, user, ZoneInfo("Europe/Moscow"), settings=settings)
        window.resize(1280, 800)
        window.move(0, 0)
        window.show()
        # two more articles in tabs, then the sample article in front
        window.open_article(article_id + 1, new_tab=True)
        window.open_article(article_id + 3, new_tab=True)
        window.open_article(article_id, new_tab=True)

        def shoot() -> None:
            screen = app.primaryScreen()
            picture = screen.grabWindow(0, 0, 0, 1280, 800)
            picture.save(out)
            print(f"saved {out}")
            if editor_out:  # the editor alone: the open tabs with the sample article
                window.tabs.grab().save(editor_out)
                print(f"saved {editor_out}")
            window.form.setEnabled(False)
            window.close()
            app.quit()

        QTimer.singleShot(1500, shoot)
        app.exec()
        store.close()
    return 0


if __name__ == "__main__":
    args = sys.argv[1:]
    sys.exit(main(args[0] if args else "screenshot.png", args[1] if len(args) > 1 else None))
