"""Users: the current OS user becomes a user of the store on first start."""

from __future__ import annotations

import getpass
import os

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from editorial_desk.domain.errors import NotFoundError
from editorial_desk.domain.roles import Role
from editorial_desk.domain.timeutil import utc_now
from editorial_desk.domain.users import UserInfo
from editorial_desk.store.models import User


def os_login() -> str:
    """The login name of whoever runs the app (EDITORIAL_DESK_USER overrides it)."""
    override = os.environ.get("EDITORIAL_DESK_USER")
    if override:
        return override
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "user"


def to_info(user: User) -> UserInfo:
    return UserInfo(user.id, user.login, user.display_name, Role(user.role))


def ensure_user(session: Session, login: str, display_name: str | None = None) -> UserInfo:
    """Find the user by login or create them. The very first user of a store is its
    admin (somebody has to be able to add the others); later ones start as editors."""
    user = session.scalar(select(User).where(User.login == login))
    if user is None:
        is_first = (session.scalar(select(func.count()).select_from(User)) or 0) == 0
        user = User(
            login=login,
            display_name=display_name or login,
            role=(Role.ADMIN if is_first else Role.EDITOR).value,
            created_at=utc_now(),
        )
        session.add(user)
        session.flush()
    return to_info(user)


def get_user(session: Session, login: str) -> UserInfo:
    user = session.scalar(select(User).where(User.login == login))
    if user is None:
        raise NotFoundError("user", login)
    return to_info(user)
