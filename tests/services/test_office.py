"""The office's time zone as a setting in the store: admins set it, everybody
reads it, an explicit override (EDITORIAL_DESK_TZ) beats it, the system's zone is
the default."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from editorial_desk.domain.errors import PermissionDeniedError, ValidationError
from editorial_desk.services.office import (
    effective_zone_name,
    office_zone_name,
    resolve_office_zone,
    set_office_zone,
)

WINTER_NOON = datetime(2026, 1, 15, 12, 0, tzinfo=UTC)


def test_default_is_the_system_zone(store):
    with store.session() as session:
        assert office_zone_name(session) is None
        zone = resolve_office_zone(session, None)
    assert WINTER_NOON.astimezone(zone).utcoffset() == WINTER_NOON.astimezone().utcoffset()


def test_admin_sets_it_for_everybody_and_it_persists(store, team):
    with store.session() as session:
        assert set_office_zone(session, team.admin, " Asia/Vladivostok ") == "Asia/Vladivostok"
    with store.session() as session:  # a new unit of work: it was committed
        assert office_zone_name(session) == "Asia/Vladivostok"
        zone = resolve_office_zone(session, None)
        assert WINTER_NOON.astimezone(zone).utcoffset().total_seconds() == 10 * 3600
        set_office_zone(session, team.admin, "Europe/Moscow")  # changing it updates the row
    with store.session() as session:
        assert office_zone_name(session) == "Europe/Moscow"
        assert set_office_zone(session, team.admin, None) is None  # back to the system's
    with store.session() as session:
        assert office_zone_name(session) is None
        assert set_office_zone(session, team.admin, "") is None  # clearing twice is fine


def test_the_override_beats_the_setting(store, team):
    with store.session() as session:
        set_office_zone(session, team.admin, "Asia/Vladivostok")
        assert resolve_office_zone(session, "Europe/Kaliningrad") == ZoneInfo("Europe/Kaliningrad")
        assert effective_zone_name(session, "Europe/Kaliningrad") == "Europe/Kaliningrad"
        assert effective_zone_name(session, "") == "Asia/Vladivostok"  # an empty env var
        assert resolve_office_zone(session, None) == ZoneInfo("Asia/Vladivostok")
        with pytest.raises(ValidationError, match="Mars/Olympus"):
            resolve_office_zone(session, "Mars/Olympus")


@pytest.mark.parametrize("who", ["editor", "reviewer", "exporter"])
def test_only_an_admin_may_change_it(store, team, who):
    with store.session() as session:
        set_office_zone(session, team.admin, "Europe/Moscow")
    with store.session() as session, pytest.raises(PermissionDeniedError):
        set_office_zone(session, getattr(team, who), "Asia/Vladivostok")
    with store.session() as session:
        assert office_zone_name(session) == "Europe/Moscow"


def test_an_unknown_zone_is_refused_and_nothing_is_stored(store, team):
    with store.session() as session, pytest.raises(ValidationError, match="Europe/Atlantis"):
        set_office_zone(session, team.admin, "Europe/Atlantis")
    with store.session() as session:
        assert office_zone_name(session) is None
