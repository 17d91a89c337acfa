"""Who is working, for the status bar: «Иванова О. П. (Редактор)».

Names are shown as the admin typed them. Only an unambiguous full Russian name
(surname, given name, patronymic: three words, the last one a patronymic) is
shortened to «Фамилия И. О.», the way office documents write it; two words
could be «Имя Фамилия» or «Фамилия Имя», so they are left alone rather than
guessed wrong."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from editorial_desk.domain.users import UserInfo
from editorial_desk.ui.review.labels import role_label

translate = QCoreApplication.translate

# -ович/-евич/-ич, -овна/-евна/-ична/-инична, and the Turkic оглы/кызы.
_PATRONYMIC = re.compile(r"(?:вич|вна|ична|инична|ич|оглы|кызы)$", re.IGNORECASE)


def short_name(display_name: str) -> str:
    words = display_name.split()
    if len(words) == 3 and _PATRONYMIC.search(words[2]) and all(w[:1].isalpha() for w in words):
        surname, given, patronymic = words
        # A no-break space keeps the initials together when a narrow column wraps.
        return f"{surname} {given[0].upper()}.\u00a0{patronymic[0].upper()}."
    return " ".join(words)


def current_user_text(user: UserInfo) -> str:
    """«Иванова О. П. (Редактор)»; the login when there is no name."""
    name = short_name(user.display_name) or user.login
    return translate("CurrentUser", "{name} ({role})").format(name=name, role=role_label(user.role))


def current_user_tip(user: UserInfo) -> str:
    """The full name and the login, for the status bar label's tooltip."""
    return translate("CurrentUser", "{name}, login {login}, role: {role}").format(
        name=user.display_name or user.login, login=user.login, role=role_label(user.role)
    )
