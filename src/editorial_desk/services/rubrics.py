"""The office's rubric list, kept in the database (`store.models.Rubric`), and
the tags in use (for completing tags in the editor).

Articles store the rubric's name as text, so the list is a vocabulary, not a
foreign key. The rules:

* `list_rubrics` is the office list in its order: the choices in the editor and in
  Settings → Rubrics. (`services.articles.list_rubrics` adds the names articles use
  that are not on the list, for the article list's filter.)
* Editors and admins may add a rubric; saving an article with a rubric that is not
  on the list adds it (`ensure_rubric`, called by the save path in
  `services.articles`).
* Only admins rename, remove and reorder. A rename also renames it in every
  article, in the same transaction; the articles' version is not bumped (it is the
  office's vocabulary that changed, not the article, and a bump would turn every
  open editor's next save into a conflict).
* Removing a rubric takes it off the list only: articles keep their rubric text.
  Silently editing published items would rewrite history; an admin who wants them
  moved renames the rubric into another one's name first (see `rename_rubric`).
"""

from __future__ import annotations

from collections import Counter

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from editorial_desk.domain.errors import NotFoundError, PermissionDeniedError, ValidationError
from editorial_desk.domain.roles import Role
from editorial_desk.domain.users import UserInfo
from editorial_desk.store.models import Article, Rubric

MAX_RUBRIC_LENGTH = 200  # the column's size

_MAY_ADD = (Role.EDITOR, Role.ADMIN)


def clean_rubric(name: str) -> str:
    """The stored spelling: inner whitespace collapsed, ends trimmed ("" = none)."""
    cleaned = " ".join(name.split())
    if len(cleaned) > MAX_RUBRIC_LENGTH:
        raise ValidationError(f"the rubric is longer than {MAX_RUBRIC_LENGTH} characters")
    return cleaned


def _require_name(name: str) -> str:
    cleaned = clean_rubric(name)
    if not cleaned:
        raise ValidationError("the rubric name must not be empty")
    return cleaned


def _require_admin(actor: UserInfo, what: str) -> None:
    if actor.role is not Role.ADMIN:
        raise PermissionDeniedError(f"only an admin may {what}")


def list_rubrics(session: Session) -> list[str]:
    """The office's rubric list, in its order."""
    return list(session.scalars(select(Rubric.name).order_by(Rubric.position, Rubric.id)))


def _find(session: Session, name: str) -> Rubric | None:
    return session.scalar(select(Rubric).where(Rubric.name == name))


def _append(session: Session, name: str) -> None:
    last = session.scalar(select(func.max(Rubric.position)))
    session.add(Rubric(name=name, position=(last if last is not None else -1) + 1))
    session.flush()


def ensure_rubric(session: Session, name: str) -> bool:
    """Put `name` at the end of the list unless it is there (or empty). The caller
    has checked that its user may save the article. True if it was added."""
    cleaned = clean_rubric(name)
    if not cleaned or _find(session, cleaned) is not None:
        return False
    _append(session, cleaned)
    return True


def add_rubric(session: Session, actor: UserInfo, name: str) -> list[str]:
    """Add a rubric at the end (editors and admins). Returns the new list."""
    if actor.role not in _MAY_ADD:
        raise PermissionDeniedError("only editors and admins may add a rubric")
    cleaned = _require_name(name)
    if _find(session, cleaned) is not None:
        raise ValidationError(f"the rubric {cleaned!r} already exists")
    _append(session, cleaned)
    return list_rubrics(session)


def rename_rubric(session: Session, actor: UserInfo, old: str, new: str) -> list[str]:
    """Rename a rubric on the list and in every article that has it (admins only).

    Renaming into the name of another listed rubric merges the two: the old one
    leaves the list and its articles join the other. Returns the new list."""
    _require_admin(actor, "rename a rubric")
    rubric = _find(session, old)
    if rubric is None:
        raise NotFoundError("rubric", old)
    cleaned = _require_name(new)
    if cleaned == old:
        return list_rubrics(session)
    existing = _find(session, cleaned)
    if existing is not None:
        session.delete(rubric)
    else:
        rubric.name = cleaned
    session.execute(
        update(Article)
        .where(Article.rubric == old)
        .values(rubric=cleaned)
        .execution_options(synchronize_session="fetch")
    )
    session.flush()
    return list_rubrics(session)


def remove_rubric(session: Session, actor: UserInfo, name: str) -> list[str]:
    """Take a rubric off the list (admins only); articles keep their rubric text."""
    _require_admin(actor, "remove a rubric")
    rubric = _find(session, name)
    if rubric is None:
        raise NotFoundError("rubric", name)
    session.delete(rubric)
    session.flush()
    return list_rubrics(session)


def move_rubric(session: Session, actor: UserInfo, name: str, index: int) -> list[str]:
    """Move a rubric to position `index` of the list (admins only; clamped)."""
    _require_admin(actor, "reorder the rubrics")
    rubrics = list(session.scalars(select(Rubric).order_by(Rubric.position, Rubric.id)))
    moving = next((rubric for rubric in rubrics if rubric.name == name), None)
    if moving is None:
        raise NotFoundError("rubric", name)
    rubrics.remove(moving)
    rubrics.insert(max(0, min(index, len(rubrics))), moving)
    for position, rubric in enumerate(rubrics):
        rubric.position = position
    session.flush()
    return [rubric.name for rubric in rubrics]


def list_tags(session: Session, limit: int = 500) -> list[str]:
    """The tags articles use, most used first (ties alphabetically), for completion.
    Tags are a JSON list per article, so they are counted here rather than in SQL
    (portable across SQLite and PostgreSQL; only the small tags column is read).
    Spellings that differ only in case count as one, the most common spelling shown."""
    counts: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = {}
    for tags in session.scalars(select(Article.tags).where(Article.tags.is_not(None))):
        for tag in tags or ():
            key = tag.casefold()
            counts[key] += 1
            spellings.setdefault(key, Counter())[tag] += 1
    ranked = sorted(counts, key=lambda key: (-counts[key], key))[:limit]
    return [spellings[key].most_common(1)[0][0] for key in ranked]
