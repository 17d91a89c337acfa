"""Users: the current OS user becomes a user of the store on first start."""

from __future__ import annotations

import getpass
import os

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from editorial_desk.domain.errors import NotFoundError, PermissionDeniedError, ValidationError
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


def list_users(session: Session) -> list[UserInfo]:
    """Everyone, by display name (for the admin's user list and the filters)."""
    return [to_info(u) for u in session.scalars(select(User).order_by(User.display_name, User.id))]


def _role(value: Role | str) -> Role:
    try:
        return Role(value)
    except ValueError:
        known = ", ".join(r.value for r in Role)
        raise ValidationError(f"unknown role {value!r} (known: {known})") from None


def _require_admin(actor: UserInfo, what: str) -> None:
    if actor.role is not Role.ADMIN:
        raise PermissionDeniedError(f"only an admin may {what}")


def _clean_login(login: str) -> str:
    cleaned = login.strip()
    if not cleaned or any(c.isspace() for c in cleaned) or len(cleaned) > 150:
        raise ValidationError(f"bad login {login!r}: one word of at most 150 characters")
    return cleaned


def add_user(
    session: Session, actor: UserInfo, login: str, display_name: str, role: Role | str
) -> UserInfo:
    """An admin registers a colleague (by their OS login name) with a role, before
    or after that colleague first starts the app."""
    _require_admin(actor, "add users")
    cleaned = _clean_login(login)
    if session.scalar(select(User.id).where(User.login == cleaned)) is not None:
        raise ValidationError(f"a user with the login {cleaned!r} already exists")
    user = User(
        login=cleaned,
        display_name=" ".join(display_name.split()) or cleaned,
        role=_role(role).value,
        created_at=utc_now(),
    )
    session.add(user)
    session.flush()
    return to_info(user)


def _admin_count(session: Session) -> int:
    return session.scalar(select(func.count()).where(User.role == Role.ADMIN.value)) or 0


def set_role(session: Session, actor: UserInfo, login: str, role: Role | str) -> UserInfo:
    """An admin changes a user's role. The last admin cannot step down: somebody
    must always be able to manage users."""
    _require_admin(actor, "change roles")
    user = session.scalar(select(User).where(User.login == login))
    if user is None:
        raise NotFoundError("user", login)
    role = _role(role)
    if user.role == Role.ADMIN.value and role is not Role.ADMIN and _admin_count(session) <= 1:
        raise ValidationError(f"{login} is the only admin; make someone else an admin first")
    user.role = role.value
    session.flush()
    return to_info(user)


def rename_user(session: Session, actor: UserInfo, login: str, display_name: str) -> UserInfo:
    """The name shown beside articles and comments: your own, or anyone's as admin."""
    if actor.login != login:
        _require_admin(actor, "rename other users")
    user = session.scalar(select(User).where(User.login == login))
    if user is None:
        raise NotFoundError("user", login)
    cleaned = " ".join(display_name.split())
    if not cleaned:
        raise ValidationError("the name must not be empty")
    user.display_name = cleaned
    session.flush()
    return to_info(user)
