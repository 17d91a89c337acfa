"""Office-wide settings kept in the store: what every PC of the office must agree
on, unlike one user's preferences. Today: the office's time zone, which decides
on which calendar day an item is shown and exported.

Which zone applies, strongest first: an explicit override (the EDITORIAL_DESK_TZ
environment variable, for a one-off run or a test), the zone an admin set for the
office, the operating system's zone."""

from __future__ import annotations

from datetime import tzinfo

from sqlalchemy.orm import Session

from editorial_desk.domain.errors import PermissionDeniedError
from editorial_desk.domain.roles import Role
from editorial_desk.domain.timeutil import office_zone, utc_now
from editorial_desk.domain.users import UserInfo
from editorial_desk.store.models import OfficeSetting

TIME_ZONE_KEY = "time_zone"


def office_zone_name(session: Session) -> str | None:
    """The IANA zone an admin set for the office, or None (the system's zone)."""
    row = session.get(OfficeSetting, TIME_ZONE_KEY)
    return row.value if row is not None and row.value else None


def set_office_zone(session: Session, actor: UserInfo, name: str | None) -> str | None:
    """Set (an IANA name such as "Asia/Vladivostok") or clear (None / empty: use
    each PC's system zone) the office's zone. Admins only. Returns the name stored."""
    if actor.role is not Role.ADMIN:
        raise PermissionDeniedError("only an admin may change the office's time zone")
    cleaned = (name or "").strip() or None
    office_zone(cleaned)  # raises ValidationError for a name the zone database lacks
    row = session.get(OfficeSetting, TIME_ZONE_KEY)
    if cleaned is None:
        if row is not None:
            session.delete(row)
    elif row is None:
        session.add(
            OfficeSetting(
                key=TIME_ZONE_KEY, value=cleaned, updated_at=utc_now(), updated_by_id=actor.id
            )
        )
    else:
        row.value, row.updated_at, row.updated_by_id = cleaned, utc_now(), actor.id
    session.flush()
    return cleaned


def effective_zone_name(session: Session, override: str | None) -> str | None:
    """The IANA name in force (override, else the office's), or None for the
    system's zone. For what needs the name, not the zone: exports' metadata, the
    iCalendar X-WR-TIMEZONE."""
    return (override or "").strip() or office_zone_name(session)


def resolve_office_zone(session: Session, override: str | None) -> tzinfo:
    """The zone to show and parse times in: `override` (e.g. EDITORIAL_DESK_TZ) if
    given, else the office's setting, else the system's zone. A bad override is a
    ValidationError (the user typed it); the stored name was checked when set."""
    return office_zone(effective_zone_name(session, override))
