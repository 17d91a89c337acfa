"""What the composition root hands to the window: the open store, who is working,
and the zone dates are shown in. Plain data, no Qt, no globals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo
from typing import TYPE_CHECKING

from editorial_desk.domain.users import UserInfo

if TYPE_CHECKING:  # the store (SQLAlchemy) is imported only once the window is shown
    from editorial_desk.store.engine import Store


@dataclass(frozen=True, slots=True)
class AppContext:
    store: Store
    user: UserInfo
    zone: tzinfo
