"""Screenshot of the calendar's month view for the docs, from a real window (run
under Xvfb):

    xvfb-run -a -s "-screen 0 1280x800x24" uv run python tools/screenshot_calendar.py \\
        docs/calendar-month-ru.png [--tr EXTRA.json ...]

Builds a demo store in a temporary folder with a realistic November 2026 of a
city press office (several items a working day, the past published, this week
approved and scheduled, the future in review or drafts, a busy day that shows
«+N ещё», a few undated items in the tray), opens the calendar panel in Russian
with «today» fixed at 20 November, and saves a picture of it.

`--tr` takes `{"Context": {"English": "Русский"}}` JSON files for strings not yet
compiled into the app's .qm (new strings before the translations are merged)."""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

AUTHORS = (
    ("ivanova", "Ольга Иванова"),
    ("petrov", "Сергей Петров"),
    ("smirnova", "Мария Смирнова"),
    ("kuznetsov", "Алексей Кузнецов"),
)

# (title, rubric) — what a city administration's press office writes in a month
TITLES = (
    ("Открытие зимней площадки в парке «Дружба»", "Город"),
    ("Мэрия объявила конкурс на лучший новогодний двор", "Город"),
    ("Расписание автобусов в праздничные дни", "Транспорт"),
    ("В библиотеке им. Пушкина пройдёт вечер поэзии", "Культура"),
    ("Итоги отопительного сезона: 98 % домов подключены", "ЖКХ"),
    ("Школьники города стали призёрами олимпиады", "Образование"),
    ("Ремонт моста через Каменку завершат к весне", "Транспорт"),
    ("Глава города провёл приём граждан", "Власть"),
    ("На набережной установят новые фонари", "Благоустройство"),
    ("Ярмарка выходного дня переезжает на Центральную площадь", "Город"),
    ("Дума приняла бюджет на 2027 год в первом чтении", "Власть"),
    ("Каток на стадионе «Юность» откроется 1 декабря", "Спорт"),
    ("Вакцинация от гриппа: адреса пунктов", "Здоровье"),
    ("Городской хор победил на областном конкурсе", "Культура"),
    ("Отключение горячей воды на улице Ленина", "ЖКХ"),
    ("Новый маршрут автобуса № 12 до микрорайона Северный", "Транспорт"),
    ("Волонтёры высадили 300 деревьев в сквере Победы", "Благоустройство"),
    ("Прокуратура разъясняет: права потребителей", "Общество"),
    ("День матери: праздничный концерт в ДК", "Культура"),
    ("Снегоуборочная техника готова к зиме", "ЖКХ"),
    ("Лыжня России: регистрация участников открыта", "Спорт"),
    ("В поликлинике № 2 открылся кабинет МРТ", "Здоровье"),
    ("Конкурс «Город детства»: итоги голосования", "Общество"),
    ("Администрация подвела итоги месячника безопасности", "Власть"),
)
UNDATED = (
    ("Интервью с главным архитектором города", "Город"),
    ("История улицы Садовой: фотопроект", "Культура"),
    ("Как оформить субсидию на оплату ЖКУ", "ЖКХ"),
    ("Спортивные секции для школьников: путеводитель", "Спорт"),
    ("Ответы на вопросы о раздельном сборе мусора", "Благоустройство"),
)
TIMES = (
    time(9, 0),
    time(10, 30),
    time(12, 0),
    time(13, 15),
    time(14, 30),
    time(16, 0),
    time(17, 30),
    time(19, 0),
)
TODAY = date(2026, 11, 20)
NOW = datetime(2026, 11, 20, 9, 40, tzinfo=UTC)


def _status_for(day: date, n: int) -> str:
    if day < TODAY:
        return "published" if n % 9 else "returned"
    if day <= TODAY + timedelta(days=3):
        return ("scheduled", "approved", "in_review")[n % 3]
    return ("in_review", "draft", "draft", "returned", "approved")[n % 5]


def build_demo_store(path: Path, zone):  # type: ignore[no-untyped-def]
    from sqlalchemy import update

    from editorial_desk.domain.roles import Role
    from editorial_desk.services.articles import create_article
    from editorial_desk.services.users import add_user, ensure_user
    from editorial_desk.store.engine import open_store
    from editorial_desk.store.models import Article

    store = open_store(str(path))
    with store.session() as session:
        admin = ensure_user(session, "redaktor", "Главный редактор")
        users = [add_user(session, admin, login, name, Role.EDITOR) for login, name in AUTHORS]
        n = 0
        day = date(2026, 10, 26)
        while day <= date(2026, 12, 6):
            per_day = 0 if day.weekday() == 6 else (1 if day.weekday() == 5 else 3 + n % 3)
            if day == date(2026, 11, 24):
                per_day = 8  # the busy day: «+N ещё»
            for slot in range(per_day):
                title, rubric = TITLES[n % len(TITLES)]
                at = TIMES[slot % len(TIMES)]
                planned = datetime.combine(day, at, tzinfo=zone).astimezone(UTC)
                article = create_article(
                    session,
                    users[n % len(users)],
                    title=title,
                    rubric=rubric,
                    body="<p>Текст новости.</p>",
                    planned_at=planned,
                )
                status = _status_for(day, n)
                # demo data only: the workflow's steps are not the point of the picture
                session.execute(
                    update(Article).where(Article.id == article.id).values(status=status)
                )
                n += 1
            day += timedelta(days=1)
        for i, (title, rubric) in enumerate(UNDATED):
            create_article(session, users[i % len(users)], title=title, rubric=rubric)
    return store, admin


def json_translator(paths: list[str]):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QTranslator

    table: dict[tuple[str, str], str] = {}
    for path in paths:
        for context, strings in json.loads(Path(path).read_text(encoding="utf-8")).items():
            for source, text in strings.items():
                table[(context, source)] = text

    class JsonTranslator(QTranslator):
        def isEmpty(self) -> bool:
            return not table

        def translate(self, context, source, disambiguation=None, n=-1):  # type: ignore[no-untyped-def]
            return table.get((context, source), "")

    return JsonTranslator()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default="docs/calendar-month-ru.png")
    parser.add_argument("--tr", action="append", default=[], help="extra translations (JSON)")
    args = parser.parse_args()

    from zoneinfo import ZoneInfo

    from PySide6.QtCore import QLocale, QTimer
    from PySide6.QtWidgets import QApplication

    from editorial_desk.ui.app import configure_application, install_translators
    from editorial_desk.ui.calendar.panel import CalendarPanel
    from editorial_desk.ui.calendar.source import CalendarSource
    from editorial_desk.ui.settings import AppSettings, Language

    app = QApplication(sys.argv[:1])
    configure_application(app)
    zone = ZoneInfo("Europe/Moscow")
    with tempfile.TemporaryDirectory() as tmp:
        settings = AppSettings.in_file(Path(tmp) / "settings.ini")
        settings.language = Language.RUSSIAN
        QLocale.setDefault(settings.ui_locale())
        install_translators(app, settings.ui_locale())
        extra = json_translator(args.tr) if args.tr else None
        if extra is not None:
            app.installTranslator(extra)
        store, user = build_demo_store(Path(tmp) / "demo.sqlite3", zone)
        panel = CalendarPanel(CalendarSource(store, user), settings, zone, clock=lambda: NOW)
        panel.setWindowTitle("Editorial Desk")
        panel.resize(1280, 800)
        panel.move(0, 0)
        panel.show()

        def shoot() -> None:
            panel.grab().save(args.out)
            print(f"saved {args.out}")
            panel.close()
            app.quit()

        QTimer.singleShot(1000, shoot)
        app.exec()
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
