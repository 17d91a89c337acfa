"""The user value object."""

from __future__ import annotations

from dataclasses import dataclass

from editorial_desk.domain.roles import Role


@dataclass(frozen=True, slots=True)
class UserInfo:
    id: int
    login: str
    display_name: str
    role: Role
